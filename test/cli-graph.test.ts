/**
 * `platform graph` (the environment page, written through the atomic tree write, compared with another
 * environment or with the render committed at a git ref) and `platform plan --certificates` (the expiry
 * calendar), run in-process like test/cli.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyComponent } from '@platform/core';
import { stubComponent, testEnvironment } from '@platform/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { certManager } from '../packages/cert-manager/src/index.js';
import { environmentsFor } from '../packages/cli/launcher/launch.mjs';
import { web } from '../packages/core/src/fixtures.test-helpers.js';
import { runCli } from './helpers/run-cli.js';

const environment = (components: AnyComponent[], name = 'demo') =>
  testEnvironment(components, { name, cluster: { name, server: 'https://kubernetes.default.svc' } });

const run = runCli;

const temporary = () => mkdtempSync(join(tmpdir(), 'platform-cli-graph-'));
const page = (root: string, env = 'demo') => readFileSync(join(root, 'rendered', env, '_graph', 'index.html'), 'utf8');
/** The components the page draws, with their change marks. */
const drawn = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<g class="node[^"]*" data-component="([^"]+)"(?: data-change="([a-z]+)")?/g)].map((m) => [
      m[1],
      m[2] ?? null,
    ]),
  );
/** Every file below a folder, recursively, relative to it. */
function tree(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return statSync(join(folder, path)).isDirectory() ? tree(folder, path) : [path];
  });
}
const gitIn = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  });

afterEach(() => vi.restoreAllMocks());

describe('platform graph', () => {
  it('writes rendered/<env>/_graph/index.html with every component, and nothing outside rendered/<env>/', async () => {
    const root = temporary();
    const envs = { demo: environment([web(), web().named('web2')]) };
    expect((await run(root, ['render', 'demo'], envs)).code).toBe(0);
    const rendered = tree(join(root, 'rendered', 'demo'));
    const result = await run(root, ['graph', 'demo'], envs);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /demo: rendered\/demo\/_graph\/index\.html \(2 components, \d+ edges, \d+ KiB\) in \d+ ms/,
    );
    expect(drawn(page(root))).toEqual({ web: null, web2: null });
    // The render's files are carried over as they were; the page is the only new file.
    expect(tree(join(root, 'rendered', 'demo')).sort()).toEqual([...rendered, '_graph/index.html'].sort());
    expect(readdirSync(root)).toEqual(['rendered']);
    expect(readdirSync(join(root, 'rendered')).sort()).toEqual(['.platform-write', 'demo']);
    expect(readdirSync(join(root, 'rendered', '.platform-write'))).toEqual(['.gitignore']);
    // The same input gives the same bytes.
    const first = page(root);
    await run(root, ['graph', 'demo'], envs);
    expect(page(root)).toBe(first);
  });

  it('is kept by render, ignored by diff, and left whole when the environment no longer renders', async () => {
    const root = temporary();
    await run(root, ['render', 'demo'], { demo: environment([web(), web().named('web2')]) });
    await run(root, ['graph', 'demo'], { demo: environment([web(), web().named('web2')]) });
    const before = page(root);
    // A render that removes a component prunes its files but not the page.
    const rerender = await run(root, ['render', 'demo'], { demo: environment([web()]) });
    expect(rerender.code).toBe(0);
    expect(existsSync(join(root, 'rendered/demo/web2'))).toBe(false);
    expect(page(root)).toBe(before);
    const diff = await run(root, ['diff', 'demo', '--exit-code'], { demo: environment([web()]) });
    expect(diff.out).toContain('demo: no changes');
    expect(diff.code).toBe(0);
    const failed = await run(root, ['graph', 'demo'], { demo: environment([web({ replicas: 0 })]) });
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('error demo › web › replicas: expected a whole number of at least 1, got 0');
    expect(page(root)).toBe(before);
  });

  it('--compare <env> marks the components that differ from another environment', async () => {
    const root = temporary();
    const envs = {
      demo: environment([web({ replicas: 3 }), web().named('extra')]),
      other: environment([web(), web().named('gone')], 'other'),
    };
    const result = await run(root, ['graph', 'demo', '--compare', 'other'], envs);
    expect(result.code).toBe(0);
    expect(result.out).toContain('compared with other: 1 components added, 1 changed, 1 removed');
    const html = page(root);
    expect(drawn(html)).toEqual({ web: 'changed', extra: 'added', gone: 'removed' });
    expect(html).toContain('Compared with <b>other</b>');
  });

  it('--compare <git-ref> marks what changed since the render committed at that ref', async () => {
    const root = temporary();
    writeFileSync(join(root, '.gitignore'), 'rendered/*/_graph/\nrendered/.platform-write/\n');
    await run(root, ['render', 'demo'], { demo: environment([web(), web().named('web2')]) });
    gitIn(root, 'init', '-q');
    gitIn(root, 'add', '.');
    gitIn(root, 'commit', '-q', '-m', 'render');
    const head = gitIn(root, 'rev-parse', 'HEAD').trim();
    const now = { demo: environment([web({ replicas: 3 }), web().named('web3')]) };
    const result = await run(root, ['graph', 'demo', '--compare', 'HEAD'], now);
    expect(result.code).toBe(0);
    expect(drawn(page(root))).toEqual({ web: 'changed', web3: 'added', web2: 'removed' });
    expect(page(root)).toContain('not compared (not in that render): dependencies, findings, libraries');
    // The same render as committed: nothing marked, and git's state is untouched.
    const same = await run(root, ['graph', 'demo', '--compare', 'HEAD'], {
      demo: environment([web(), web().named('web2')]),
    });
    expect(same.out).toContain('compared with HEAD: 0 components added, 0 changed, 0 removed; 0 object files differ');
    expect(gitIn(root, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(gitIn(root, 'status', '--porcelain')).toBe('');
  });

  it('says what --compare accepts when it is neither an environment nor a commit', async () => {
    const root = temporary();
    gitIn(root, 'init', '-q');
    const result = await run(root, ['graph', 'demo', '--compare', 'no-such-ref'], { demo: environment([web()]) });
    expect(result.code).toBe(1);
    expect(result.err).toContain('"no-such-ref" is not a commit');
    expect(existsSync(join(root, 'rendered/demo/_graph'))).toBe(false);
  });
});

describe('platform plan --certificates', () => {
  const pki = () =>
    environment([
      certManager(),
      stubComponent('offline', {
        certificateLifetime: [
          {
            component: 'offline',
            namespace: 'offline',
            name: 'offline root',
            role: 'root',
            duration: '175200h',
            renewBefore: '8760h',
            rotation: 'manual',
          },
        ],
      }),
    ]);

  it('prints the expiry calendar of every CA and certificate, first expiry first', async () => {
    const result = await run(temporary(), ['plan', 'demo', '--certificates'], { demo: pki() });
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    const root = lines.findIndex((line) => line.includes('Certificate cert-manager/platform-root-ca'));
    const offline = lines.findIndex((line) => line.includes('offline root'));
    expect(root).toBeGreaterThan(0);
    expect(lines[root]).toMatch(/^day 3650\s+root\s+/);
    expect(lines[root]).toContain('87600h (3650d), replaced 8760h (365d) ahead');
    expect(lines[offline]).toMatch(/^day 7300\s+root\s+offline root\s+offline\s+-\s+175200h \(7300d\).*manual/);
    expect(offline).toBeGreaterThan(root);
  });

  it('--format json gives the calendar as data, objects named rather than embedded', async () => {
    const result = await run(temporary(), ['plan', 'demo', '--certificates', '--format', 'json'], { demo: pki() });
    expect(result.code).toBe(0);
    const calendar = JSON.parse(result.out) as {
      environment: string;
      horizonSeconds: number;
      entries: Array<{ name: string; role: string; expiries: number[]; object?: unknown; rotation: string }>;
    };
    expect(calendar.environment).toBe('demo');
    expect(calendar.horizonSeconds).toBe(175200 * 3600);
    const root = calendar.entries.find((e) => e.name === 'Certificate cert-manager/platform-root-ca')!;
    expect(root).toMatchObject({
      role: 'root',
      rotation: 'automatic',
      object: { kind: 'Certificate', namespace: 'cert-manager', name: 'platform-root-ca' },
    });
    expect(root.expiries.map((s) => s / 86400)).toEqual([3650, 6935]);
    expect(calendar.entries.find((e) => e.name === 'offline root')).toMatchObject({ role: 'root', rotation: 'manual' });
  });
});

describe('the launcher', () => {
  it('bundles the environment --compare names, in either flag form, and none for a git ref', () => {
    const all = ['dev', 'prod', 'staging'].map((name) => ({ name, dir: `/p/${name}`, entry: `/p/${name}/index.ts` }));
    const names = (argv: string[]) => environmentsFor(argv, all).map((e) => e.name);
    expect(names(['graph', 'prod', '--compare', 'staging'])).toEqual(['prod', 'staging']);
    expect(names(['graph', 'prod', '--compare=staging'])).toEqual(['prod', 'staging']);
    expect(names(['graph', 'prod', '--compare', 'main'])).toEqual(['prod']);
  });
});

describe('platform --help', () => {
  it('exits 0 and lists every command, bench-fleet and graph included', async () => {
    const result = await run(temporary(), ['--help'], {});
    expect(result.code).toBe(0);
    for (const command of ['render', 'diff', 'check', 'show', 'plan', 'graph', 'ls', 'affected', 'bench-fleet'])
      expect(result.out).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});
