import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyComponent, type Environment, PlatformError, type RenderedEnvironment } from '@platform/core';
import { testEnvironment } from '@platform/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { web } from '../packages/core/src/fixtures.test-helpers.js';
import { runCli } from './helpers/run-cli.js';

function environment(
  components: AnyComponent[],
  name = 'demo',
  cluster = { name: name, server: 'https://kubernetes.default.svc' },
) {
  return testEnvironment(components, { name, cluster });
}

/** Runs the CLI in-process with environments given directly (a function stands for a module whose loading throws). */
const run = runCli;

const demo = (components: AnyComponent[]) => ({ demo: environment(components) });
const temporary = () => mkdtempSync(join(tmpdir(), 'platform-cli-'));

afterEach(() => vi.restoreAllMocks());

describe('platform render', () => {
  it('writes one file per object, prints a summary, and prunes files of objects that no longer exist', async () => {
    const root = temporary();
    const first = await run(root, ['render', 'demo'], demo([web(), web().named('web2')]));
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/demo: 2 components, \d+ objects in \d+ ms/);
    expect(first.out).toContain('Deployment 2');
    expect(existsSync(join(root, 'rendered/demo/web2/deployment-web.yaml'))).toBe(true);
    const second = await run(root, ['render', 'demo'], demo([web()]));
    expect(second.code).toBe(0);
    expect(existsSync(join(root, 'rendered/demo/web2'))).toBe(false);
    expect(existsSync(join(root, 'rendered/demo/web/deployment-web.yaml'))).toBe(true);
  });

  it('leaves the previous output untouched when the render fails, and reports the mistake without a stack trace', async () => {
    const root = temporary();
    await run(root, ['render', 'demo'], demo([web()]));
    const before = readFileSync(join(root, 'rendered/demo/web/deployment-web.yaml'), 'utf8');
    const failed = await run(root, ['render', 'demo'], demo([web({ replicas: 0 })]));
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('error demo › web › replicas: expected a whole number of at least 1, got 0');
    expect(failed.err).toContain('nothing was written');
    expect(failed.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(root, 'rendered/demo/web/deployment-web.yaml'), 'utf8')).toBe(before);
  });

  it('rejects unknown environments and commands with usage help', async () => {
    const root = temporary();
    expect((await run(root, ['render', 'nope'], demo([web()]))).err).toContain(
      'nope: no such environment; known environments: demo',
    );
    expect((await run(root, ['frob'], demo([web()]))).err).toContain('unknown command "frob"');
  });

  it('with -c writes only those components and leaves the others as they are', async () => {
    const root = temporary();
    await run(root, ['render', 'demo'], demo([web(), web().named('web2')]));
    const other = join(root, 'rendered/demo/web2/deployment-web.yaml');
    const before = readFileSync(other, 'utf8');
    const result = await run(
      root,
      ['render', 'demo', '-c', 'web'],
      demo([web({ replicas: 5 }), web({ replicas: 7 }).named('web2')]),
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain('(only web)');
    expect(readFileSync(join(root, 'rendered/demo/web/deployment-web.yaml'), 'utf8')).toContain('replicas: 5');
    expect(readFileSync(other, 'utf8')).toBe(before);
    const unknown = await run(root, ['render', 'demo', '-c', 'webb'], demo([web()]));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no component webb; components: web, _argocd');
  });

  it('--format json prints one array of environments with their objects, and nothing else on stdout', async () => {
    const root = temporary();
    const result = await run(root, ['render', '--all', '--format', 'json'], {
      demo: environment([web()]),
      broken: environment([web({ replicas: 0 })], 'broken'),
    });
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.out) as Array<{
      environment: string;
      ok: boolean;
      objects?: Array<{ path: string; object: { kind: string } }>;
      problems?: Array<{ path?: string }>;
    }>;
    expect(parsed.map((e) => [e.environment, e.ok])).toEqual([
      ['demo', true],
      ['broken', false],
    ]);
    expect(
      parsed[0]!.objects!.some(
        (o) => o.path === 'rendered/demo/web/deployment-web.yaml' && o.object.kind === 'Deployment',
      ),
    ).toBe(true);
    expect(parsed[1]!.problems![0]!.path).toBe('replicas');
  });
});

describe('platform diff', () => {
  it('shows a unified diff per changed object with repository-relative paths and exits 1 with --exit-code', async () => {
    const root = temporary();
    await run(root, ['render', 'demo'], demo([web()]));
    const same = await run(root, ['diff', 'demo', '--exit-code'], demo([web()]));
    expect(same.code).toBe(0);
    expect(same.out).toContain('demo: no changes');
    const changed = await run(root, ['diff', 'demo', '--exit-code'], demo([web({ replicas: 5 })]));
    expect(changed.code).toBe(1);
    expect(changed.out).toContain('--- a/rendered/demo/web/deployment-web.yaml');
    expect(changed.out).toContain('+++ b/rendered/demo/web/deployment-web.yaml');
    expect(changed.out).toContain('-  replicas: 2');
    expect(changed.out).toContain('+  replicas: 5');
    expect(changed.out).toContain('demo: 0 added, 1 changed, 0 removed');
  });

  it('produces patches that git apply applies, turning the old render into the new one', async () => {
    const root = temporary();
    execFileSync('git', ['init', '-q', root]);
    await run(root, ['render', 'demo'], demo([web(), web().named('gone')]));
    const patch = await run(root, ['diff', 'demo'], demo([web({ replicas: 5 }), web().named('added')]));
    writeFileSync(join(root, 'change.patch'), `${patch.out}\n`);
    execFileSync('git', ['apply', 'change.patch'], { cwd: root });
    const applied = join(root, 'rendered/demo');
    const expected = temporary();
    await run(expected, ['render', 'demo'], demo([web({ replicas: 5 }), web().named('added')]));
    const list = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length))
        .sort();
    expect(list(applied)).toEqual(list(join(expected, 'rendered/demo')));
    for (const file of list(applied))
      expect(readFileSync(join(applied, file), 'utf8')).toBe(
        readFileSync(join(expected, 'rendered/demo', file), 'utf8'),
      );
  });

  it('says first, in one line, that rendered/<env> does not exist yet', async () => {
    const root = temporary();
    const result = await run(root, ['diff', 'demo'], demo([web()]));
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe(
      'demo: rendered/demo/ does not exist yet, so everything below is new; `platform render demo` writes it',
    );
    expect(result.out).toContain('--- /dev/null');
  });

  it('with -c compares only those components', async () => {
    const root = temporary();
    await run(root, ['render', 'demo'], demo([web(), web().named('web2')]));
    const result = await run(root, ['diff', 'demo', '-c', 'web2'], demo([web({ replicas: 5 }), web().named('web2')]));
    expect(result.out).toContain('demo: no changes');
  });
});

describe('platform check', () => {
  it('prints findings grouped by component and fails on errors', async () => {
    const root = temporary();
    const table = await run(root, ['check', 'demo'], demo([web({ image: 'nginxinc/nginx-unprivileged:latest' })]));
    expect(table.code).toBe(1);
    expect(table.out).toContain('images.pinned-tag');
  });

  it('--format json is always an array of environments, render failures included, and stdout holds only the JSON', async () => {
    const root = temporary();
    const one = await run(
      root,
      ['check', 'demo', '--format', 'json'],
      demo([web({ image: 'nginxinc/nginx-unprivileged:latest' })]),
    );
    const parsed = JSON.parse(one.out) as Array<{
      environment: string;
      rendered: boolean;
      findings: Array<{ rule: string; component: string }>;
    }>;
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.findings.some((f) => f.rule === 'images.pinned-tag' && f.component === 'web')).toBe(true);

    const both = await run(root, ['check', '--all', '--format', 'json'], {
      demo: environment([web()]),
      broken: environment([web({ replicas: 0 })], 'broken', { name: 'b', server: 'https://b.example.com' }),
    });
    expect(both.code).toBe(1);
    const entries = JSON.parse(both.out) as Array<Record<string, unknown>>;
    expect(entries.map((e) => Object.keys(e).sort())).toEqual([
      ['environment', 'errors', 'findings', 'problems', 'rendered', 'waived', 'warnings'],
      ['environment', 'errors', 'findings', 'problems', 'rendered', 'waived', 'warnings'],
    ]);
    expect(entries[1]).toMatchObject({ environment: 'broken', rendered: false, errors: 1, findings: [] });
    expect((entries[1]!.problems as Array<{ path: string }>)[0]!.path).toBe('replicas');
  });

  it('fails when two environments deploy to the same cluster and namespaces (a copied environment)', async () => {
    const root = temporary();
    const copied = {
      prod: environment([web()], 'prod', { name: 'prod-eu1', server: 'https://kubernetes.default.svc' }),
      qa: environment([web()], 'qa', { name: 'prod-eu1', server: 'https://kubernetes.default.svc' }),
    };
    const result = await run(root, ['check', '--all'], copied);
    expect(result.code).toBe(1);
    expect(result.out).toContain('environments.distinct-targets');
    expect(result.out).toContain(
      'qa and prod both deploy to https://kubernetes.default.svc (cluster prod-eu1), namespaces argocd, web;',
    );
    const separate = {
      ...copied,
      qa: environment([web()], 'qa', { name: 'qa-eu1', server: 'https://kubernetes.default.svc' }),
    };
    expect((await run(root, ['check', '--all'], separate)).out).not.toContain('environments.distinct-targets');
  });
});

describe('platform show, plan, ls', () => {
  it('show prints the YAML of the selected components as one stream', async () => {
    const root = temporary();
    const result = await run(root, ['show', 'demo', 'web'], demo([web(), web().named('web2')]));
    expect(result.code).toBe(0);
    expect(result.out.startsWith('---\n')).toBe(true);
    expect(result.out).toContain('kind: Deployment');
    expect(result.out).not.toContain('namespace: web2');
    expect(existsSync(join(root, 'rendered'))).toBe(false);
  });

  it('plan prints the first sync, and says plainly when the environment renders with an older core', async () => {
    const root = temporary();
    const plan = await run(root, ['plan', 'demo', '--format', 'json'], demo([web()]));
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.out)).toMatchObject({ environment: 'demo', engine: 'argocd' });
    const table = await run(root, ['plan', 'demo'], demo([web()]));
    expect(table.out).toContain('First sync of demo (argocd)');

    const modern = environment([web()]);
    // What a render of @platform/core 1.x looks like: no delivery facts.
    const old = {
      ...modern,
      render: async () => {
        const { delivery: _d, ...rest } = (await modern.render()) as RenderedEnvironment;
        return rest;
      },
    };
    const refused = await run(root, ['plan', 'demo'], { demo: old as unknown as Environment });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('plan needs @platform/core 2');
  });

  it('ls lists environments with their clusters and components', async () => {
    const root = temporary();
    const result = await run(root, ['ls', '--format', 'json'], { demo: environment([web(), web().named('web2')]) });
    expect(JSON.parse(result.out)).toMatchObject([
      {
        environment: 'demo',
        cluster: { name: 'demo' },
        components: [{ name: 'web', tier: 'workloads', namespace: 'web' }, { name: 'web2' }],
      },
    ]);
  });
});

describe('every mistake named, never a stack trace', () => {
  it('names the environment and the user file and line of a throw while the environment loads', async () => {
    const root = temporary();
    const result = await run(root, ['render', 'demo'], {
      demo: () => {
        throw new Error('no such cluster');
      },
    });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^error demo: no such cluster \(while loading, at \/\S*test\/cli\.test\.ts:\d+:\d+\)/m);
    expect(result.err).not.toContain('internal error');
  });

  it('locates a PlatformError raised while loading in its environment', async () => {
    const root = temporary();
    const result = await run(root, ['render', 'demo'], {
      demo: () => {
        throw new PlatformError({
          component: 'web',
          path: 'replicas',
          message: 'expected a whole number of at least 1, got 0',
        });
      },
    });
    expect(result.err).toMatch(
      /error demo › web › replicas: expected a whole number of at least 1, got 0 \(while loading, at \/\S*test\/cli\.test\.ts:\d+/,
    );
  });

  it('reports an error thrown inside the toolkit as an internal error, with its stack', async () => {
    const root = temporary();
    const bug = new TypeError("Cannot read properties of undefined (reading 'spec')");
    bug.stack = `TypeError: ${bug.message}\n    at build (/repo/node_modules/@platform/mimir/dist/index.js:10:3)\n    at render (/repo/node_modules/@platform/core/dist/render.js:20:5)`;
    const result = await run(root, ['render', 'demo'], {
      demo: { ...environment([web()]), render: async () => Promise.reject(bug) } as unknown as Environment,
    });
    expect(result.code).toBe(2);
    expect(result.err).toContain('internal error while rendering demo: this is a bug in the platform toolkit');
  });

  it('has per-command help, and a flag of another command is an error', async () => {
    const root = temporary();
    const help = await run(root, ['diff', '--help'], demo([web()]));
    expect(help.code).toBe(0);
    expect(help.out).toContain('--exit-code');
    expect(help.out).toContain('PLATFORM_NO_CACHE');
    expect(help.out).not.toContain('--format');
    const wrong = await run(root, ['render', 'demo', '--exit-code'], demo([web()]));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('platform render has no flag --exit-code (it is a flag of diff)');
    expect(existsSync(join(root, 'rendered'))).toBe(false);
    const overview = await run(root, ['--help'], demo([web()]));
    expect(overview.code).toBe(0);
    for (const command of ['render', 'diff', 'check', 'show', 'plan', 'ls', 'affected'])
      expect(overview.out).toContain(`  ${command} `);
  });
});

describe('writes stay inside rendered/<env>', () => {
  it('never writes outside the project root', async () => {
    const root = temporary();
    mkdirSync(join(root, 'rendered'));
    await run(root, ['render', 'demo'], demo([web()]));
    expect(readdirSync(root).sort()).toEqual(['rendered']);
    expect(readdirSync(join(root, 'rendered')).sort()).toEqual(['.platform-write', 'demo']);
    expect(readFileSync(join(root, 'rendered/.platform-write/.gitignore'), 'utf8')).toContain('*');
  });
});
