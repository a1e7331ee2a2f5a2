import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

/**
 * The release archive: `releases/` holds the exact tarball of every published version (`pnpm pack` output,
 * e.g. `releases/platform-mimir-1.0.0.tgz`). Environments that pin a version depend on its archived tarball,
 * so a fresh clone installs them with no registry running, and a fresh registry can be refilled from it.
 */
export const RELEASES_FOLDER = 'releases';

export { type PackageManifest, readTarballFiles, readTarballManifest } from '../../packages/cli/src/tarball.js';

/** The dependency fields of a manifest, in the order npm reads them. */
export const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** `@platform/mimir`, `1.0.0` → `platform-mimir-1.0.0.tgz` (the name `pnpm pack` and `npm pack` give it). */
export function tarballName(name: string, version: string): string {
  return `${tarballStem(name)}${version}.tgz`;
}

function tarballStem(name: string): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-`;
}

/** The versions of `name` in the archive, lowest first. */
export function archivedVersions(archive: string, name: string): string[] {
  if (!existsSync(archive)) return [];
  const stem = tarballStem(name);
  const versions: string[] = [];
  for (const file of readdirSync(archive)) {
    if (!file.startsWith(stem) || !file.endsWith('.tgz')) continue;
    // `platform-cert-manager-1.0.0.tgz` also starts with `platform-cert-`; only a valid version may follow.
    const version = semver.valid(file.slice(stem.length, -'.tgz'.length));
    if (version && tarballName(name, version) === file) versions.push(version);
  }
  return versions.sort(semver.compare);
}

/** The `sha512-...` Subresource Integrity string npm registries record for a tarball. */
export function integrityOf(tarball: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
}

/** The archived tarball of a version, if the archive holds it. */
export function archivedTarball(archive: string, name: string, version: string): string | undefined {
  const file = join(archive, tarballName(name, version));
  return existsSync(file) ? file : undefined;
}
