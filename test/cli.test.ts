import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnyComponent } from '@platform/core';
import { testEnvironment } from '@platform/core/testing';
import { main } from '../scripts/cli/main.js';
import { web } from '../packages/core/src/fixtures.test-helpers.js';

function environment(components: AnyComponent[]) {
  return testEnvironment(components, { name: 'demo' });
}

async function run(root: string, argv: string[], components: AnyComponent[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  const code = await main({ root, environments: { demo: { default: environment(components) } }, known: ['demo'], argv });
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('pnpm render', () => {
  it('writes one file per object, prints a summary, and prunes files of objects that no longer exist', async () => {
    const root = mkdtempSync(join(tmpdir(), 'platform-cli-'));
    const first = await run(root, ['render', 'demo'], [web(), web().named('web2')]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/demo: 2 components, \d+ objects in \d+ ms/);
    expect(first.out).toContain('Deployment 2');
    expect(existsSync(join(root, 'rendered/demo/web2/deployment-web.yaml'))).toBe(true);
    const second = await run(root, ['render', 'demo'], [web()]);
    expect(second.code).toBe(0);
    expect(existsSync(join(root, 'rendered/demo/web2'))).toBe(false);
    expect(existsSync(join(root, 'rendered/demo/web/deployment-web.yaml'))).toBe(true);
  });

  it('leaves the previous output untouched when the render fails, and reports the mistake without a stack trace', async () => {
    const root = mkdtempSync(join(tmpdir(), 'platform-cli-'));
    await run(root, ['render', 'demo'], [web()]);
    const before = readFileSync(join(root, 'rendered/demo/web/deployment-web.yaml'), 'utf8');
    const failed = await run(root, ['render', 'demo'], [web({ replicas: 0 })]);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('error demo › web › replicas: expected a whole number of at least 1, got 0');
    expect(failed.err).toContain('nothing was written');
    expect(failed.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(root, 'rendered/demo/web/deployment-web.yaml'), 'utf8')).toBe(before);
  });

  it('rejects unknown environments and commands with usage help', async () => {
    const root = mkdtempSync(join(tmpdir(), 'platform-cli-'));
    expect((await run(root, ['render', 'nope'], [web()])).err).toContain('nope: no such environment; known environments: demo');
    expect((await run(root, ['frob'], [web()])).err).toContain('unknown command "frob"');
  });
});

describe('pnpm diff', () => {
  it('shows a unified diff per changed object and exits 1 with --exit-code', async () => {
    const root = mkdtempSync(join(tmpdir(), 'platform-cli-'));
    await run(root, ['render', 'demo'], [web()]);
    const same = await run(root, ['diff', 'demo', '--exit-code'], [web()]);
    expect(same.code).toBe(0);
    expect(same.out).toContain('demo: no changes');
    const changed = await run(root, ['diff', 'demo', '--exit-code'], [web({ replicas: 5 })]);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain('--- a/web/deployment-web.yaml');
    expect(changed.out).toContain('-  replicas: 2');
    expect(changed.out).toContain('+  replicas: 5');
    expect(changed.out).toContain('demo: 0 added, 1 changed, 0 removed');
  });
});

describe('pnpm check', () => {
  it('prints findings grouped by component and fails on errors; --format json for tools', async () => {
    const root = mkdtempSync(join(tmpdir(), 'platform-cli-'));
    const latest = web({ image: 'nginxinc/nginx-unprivileged:latest' });
    const table = await run(root, ['check', 'demo'], [latest]);
    expect(table.code).toBe(1);
    expect(table.out).toContain('images.pinned-tag');
    const json = await run(root, ['check', 'demo', '--format', 'json'], [latest]);
    const report = JSON.parse(json.out);
    expect(report.findings.some((f: { rule: string; component: string }) => f.rule === 'images.pinned-tag' && f.component === 'web')).toBe(true);
  });
});

