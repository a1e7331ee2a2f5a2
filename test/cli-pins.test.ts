import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentPins, pinnedVersions, pinProblems } from '../packages/cli/src/pins.js';

function writeJson(file: string, value: unknown): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A packed tarball as `pnpm pack` lays it out. */
function tarball(root: string, name: string, version: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'platform-pins-pack-'));
  writeJson(join(folder, 'package', 'package.json'), { name, version });
  const file = join(root, 'releases', `${name.slice(1).replace('/', '-')}-${version}.tgz`);
  mkdirSync(join(root, 'releases'), { recursive: true });
  execFileSync('tar', ['-czf', file, '-C', folder, 'package']);
  rmSync(folder, { recursive: true, force: true });
  return file;
}

/** An installed package: a folder in a fake store, linked from node_modules like pnpm does. */
function install(
  root: string,
  from: string,
  name: string,
  version: string,
  store = `${name.replace('/', '+')}@${version}`,
): void {
  const real = join(root, 'node_modules', '.pnpm', store, 'node_modules', name);
  writeJson(join(real, 'package.json'), { name, version });
  mkdirSync(join(from, 'node_modules', '@platform'), { recursive: true });
  rmSync(join(from, 'node_modules', name), { force: true });
  symlinkSync(real, join(from, 'node_modules', name));
}

function project() {
  const root = mkdtempSync(join(tmpdir(), 'platform-pins-'));
  tarball(root, '@platform/mimir', '1.0.0');
  tarball(root, '@platform/mimir', '1.1.0');
  const staging = join(root, 'environments', 'staging');
  writeJson(join(staging, 'package.json'), {
    name: 'staging',
    dependencies: { '@platform/mimir': 'file:../../releases/platform-mimir-1.0.0.tgz', '@platform/core': '2.0.0' },
  });
  install(root, staging, '@platform/mimir', '1.0.0');
  install(root, staging, '@platform/core', '2.0.0');
  return { root, staging };
}

describe('pins against node_modules', () => {
  it('resolve archived tarballs and exact versions to the versions they pin, for the promotion gate', () => {
    const { root, staging } = project();
    expect(pinnedVersions(root, { staging })).toEqual({
      staging: { '@platform/core': '2.0.0', '@platform/mimir': '1.0.0' },
    });
    expect(pinProblems('staging', environmentPins(root, staging))).toEqual([]);
  });

  it('name a library whose installed version is not the pinned one, and say to run pnpm install', () => {
    const { root, staging } = project();
    // What `git stash` of a pin change leaves: the manifest pins 1.0.0, node_modules still links 1.1.0.
    install(root, staging, '@platform/mimir', '1.1.0');
    expect(pinProblems('staging', environmentPins(root, staging))).toEqual([
      "environments/staging pins @platform/mimir file:../../releases/platform-mimir-1.0.0.tgz (1.0.0), but 1.1.0 is installed; run `pnpm install` (or your package manager's install) so node_modules matches the pins",
    ]);
    install(root, staging, '@platform/core', '2.1.0');
    expect(pinProblems('staging', environmentPins(root, staging)).join('\n')).toContain(
      'pins @platform/core 2.0.0, but 2.1.0 is installed',
    );
  });
});
