import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PromoteOptions, PromotionRefused, promote, resolvePin } from '../scripts/promote/promote.js';

function writeJson(file: string, value: unknown): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A released tarball as `pnpm pack` lays it out: package/package.json inside a gzip'd tar. */
function archiveTarball(root: string, name: string, version: string, peerCore?: string): void {
  const folder = mkdtempSync(join(tmpdir(), 'platform-promote-pack-'));
  writeJson(join(folder, 'package', 'package.json'), {
    name,
    version,
    ...(peerCore ? { peerDependencies: { '@platform/core': peerCore } } : {}),
  });
  mkdirSync(join(root, 'releases'), { recursive: true });
  execFileSync('tar', [
    '-czf',
    join(root, 'releases', `${name.slice(1).replace('/', '-')}-${version}.tgz`),
    '-C',
    folder,
    'package',
  ]);
  rmSync(folder, { recursive: true, force: true });
}

/**
 * A repository with core and mimir at 1.1.0 in the workspace, 1.0.0 and 1.1.0 of both released, dev on the
 * workspace, staging and prod pinned to 1.0.0.
 */
function fakeRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'platform-promote-'));
  writeJson(join(root, 'package.json'), {
    name: 'platform',
    private: true,
    platform: { promotionOrder: ['dev', 'staging', 'prod'] },
  });
  writeJson(join(root, 'packages', 'core', 'package.json'), { name: '@platform/core', version: '1.1.0' });
  writeJson(join(root, 'packages', 'mimir', 'package.json'), {
    name: '@platform/mimir',
    version: '1.1.0',
    peerDependencies: { '@platform/core': '^1.1.0' },
  });
  archiveTarball(root, '@platform/core', '1.0.0');
  archiveTarball(root, '@platform/core', '1.1.0');
  archiveTarball(root, '@platform/mimir', '1.0.0', '^1.0.0');
  archiveTarball(root, '@platform/mimir', '1.1.0', '^1.1.0');
  writeJson(join(root, 'environments', 'dev', 'package.json'), {
    name: 'dev',
    private: true,
    dependencies: { '@platform/core': 'workspace:^', '@platform/mimir': 'workspace:^' },
  });
  for (const environment of ['staging', 'prod']) {
    writeJson(join(root, 'environments', environment, 'package.json'), {
      name: environment,
      private: true,
      platform: { environment: 'index.ts' },
      dependencies: {
        '@platform/core': 'file:../../releases/platform-core-1.0.0.tgz',
        '@platform/mimir': 'file:../../releases/platform-mimir-1.0.0.tgz',
      },
    });
  }
  return root;
}

describe('pnpm promote', () => {
  let root: string;
  let calls: string[];
  let lines: string[];
  const options = (
    component: string,
    from: string,
    to: string,
    extra: Partial<PromoteOptions> = {},
  ): PromoteOptions => ({
    root,
    component,
    from,
    to,
    install: async () => void calls.push('install'),
    drift: async () => undefined,
    showDiff: async (_root, environment) => void calls.push(`diff ${environment}`),
    log: (line) => lines.push(line),
    ...extra,
  });
  const dependencies = (environment: string) =>
    (
      JSON.parse(readFileSync(join(root, 'environments', environment, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      }
    ).dependencies;
  const pinned = (environment: string, name: string) =>
    resolvePin(root, environment, name, dependencies(environment)[name]!).version;

  beforeEach(() => {
    root = fakeRepository();
    calls = [];
    lines = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('pins the target to the archived tarball of the version the source runs, installs, and shows the render diff', async () => {
    const before = readFileSync(join(root, 'environments', 'staging', 'package.json'), 'utf8');
    await promote(options('core', 'dev', 'staging'));
    expect(dependencies('staging')['@platform/core']).toBe('file:../../releases/platform-core-1.1.0.tgz');
    expect(calls).toEqual(['install', 'diff staging']);
    // Only the one dependency changed; the rest of the file is as it was.
    expect(readFileSync(join(root, 'environments', 'staging', 'package.json'), 'utf8')).toBe(
      before.replace('platform-core-1.0.0.tgz', 'platform-core-1.1.0.tgz'),
    );

    await promote(options('@platform/mimir', 'dev', 'staging'));
    await promote(options('core', 'staging', 'prod'));
    await promote(options('mimir', 'staging', 'prod'));
    expect([pinned('prod', '@platform/core'), pinned('prod', '@platform/mimir')]).toEqual(['1.1.0', '1.1.0']);
  });

  it('refuses to promote workspace source whose version is not released', async () => {
    writeJson(join(root, 'packages', 'mimir', 'package.json'), { name: '@platform/mimir', version: '1.2.0' });
    await expect(promote(options('mimir', 'dev', 'staging'))).rejects.toThrow(
      /dev runs @platform\/mimir 1\.2\.0 from the workspace, and that version is not released.*release it first/,
    );
    expect(pinned('staging', '@platform/mimir')).toBe('1.0.0');
    expect(calls).toEqual([]);
  });

  it('refuses to promote workspace source that differs from the release of its version (an edit without a bump)', async () => {
    const drift =
      'packages/mimir differs from the released releases/platform-mimir-1.1.0.tgz (dist/index.js); record the change with `pnpm changeset`';
    await promote(options('core', 'dev', 'staging'));
    const attempt = promote(options('mimir', 'dev', 'staging', { drift: async () => drift }));
    await expect(attempt).rejects.toThrow(
      `dev runs @platform/mimir 1.1.0 from the workspace, but that is not the released 1.1.0: ${drift}`,
    );
    expect(pinned('staging', '@platform/mimir')).toBe('1.0.0');
    expect(lines.some((line) => line.includes('nothing to promote'))).toBe(false);
  });

  it('refuses to skip an environment unless forced, and says why', async () => {
    const attempt = promote(options('core', 'dev', 'prod'));
    await expect(attempt).rejects.toThrow(PromotionRefused);
    await expect(attempt).rejects.toThrow(
      '@platform/core@1.1.0 would skip staging in the promotion order dev → staging → prod (staging runs 1.0.0); promote --from dev --to staging first, or pass --force.',
    );
    expect(pinned('prod', '@platform/core')).toBe('1.0.0');

    await promote(options('core', 'dev', 'prod', { force: true }));
    expect(pinned('prod', '@platform/core')).toBe('1.1.0');
    expect(lines.some((line) => line.startsWith('forced past: @platform/core@1.1.0 would skip staging'))).toBe(true);
  });

  it('lets a version through once every environment between has it', async () => {
    await promote(options('core', 'dev', 'staging'));
    await promote(options('core', 'dev', 'prod'));
    expect(pinned('prod', '@platform/core')).toBe('1.1.0');
  });

  it('refuses to move backwards in the order unless forced', async () => {
    await promote(options('core', 'dev', 'staging'));
    await expect(promote(options('core', 'staging', 'dev'))).rejects.toThrow(
      /dev comes before staging in the promotion order .*pass --force/,
    );
  });

  it('refuses a component whose @platform/core range the target does not meet', async () => {
    await expect(promote(options('mimir', 'dev', 'staging'))).rejects.toThrow(
      'after this promotion environments/staging would run @platform/core@1.0.0, but @platform/mimir@1.1.0 needs @platform/core@^1.1.0; promote @platform/core first, or pass --force.',
    );
    expect(calls).toEqual([]);
  });

  it('does nothing when the target already runs the version', async () => {
    await promote(options('mimir', 'staging', 'prod'));
    expect(lines).toEqual(['prod already runs @platform/mimir@1.0.0; nothing to promote.']);
    expect(calls).toEqual([]);
  });

  it('restores the target manifest when the install fails', async () => {
    const file = join(root, 'environments', 'staging', 'package.json');
    const before = readFileSync(file, 'utf8');
    await expect(
      promote(
        options('core', 'dev', 'staging', {
          install: async () => {
            throw new Error('store is empty');
          },
        }),
      ),
    ).rejects.toThrow(/installing failed, environments\/staging\/package.json is restored: store is empty/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
