import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import semver from 'semver';
import { readTarballManifest } from './tarball.js';

/** One `@platform/*` dependency of an environment: what its package.json asks for and what node_modules holds. */
export interface LibraryPin {
  name: string;
  /** The dependency as written (`file:../../releases/platform-mimir-1.0.0.tgz`, `workspace:^`, `1.0.0`). */
  spec: string;
  /** The version the spec stands for, when it names one (a tarball, an exact version, the workspace). */
  version?: string;
  /** The version installed where the environment's imports find it, if any. */
  installed?: string;
  /** Why what is installed is not what the spec asks for. */
  mismatch?: string;
}

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
}

function readManifest(file: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

const tarballVersions = new Map<string, { name: string; version: string } | undefined>();

function tarballManifest(file: string): { name: string; version: string } | undefined {
  if (!tarballVersions.has(file)) {
    try {
      const { name, version } = readTarballManifest(file);
      tarballVersions.set(file, { name, version });
    } catch {
      tarballVersions.set(file, undefined);
    }
  }
  return tarballVersions.get(file);
}

/** Where Node finds `name` from `dir`: the nearest `node_modules/<name>` at or above it. */
function installedAt(dir: string, name: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

/** The `@platform/*` dependencies that decide an environment's render: its own package.json's, else the project's. */
function declaredDependencies(root: string, environmentDir: string): Record<string, string> {
  const own = Object.entries(readManifest(join(environmentDir, 'package.json'))?.dependencies ?? {});
  const platform = own.filter(([name]) => name.startsWith('@platform/'));
  if (platform.length > 0) return Object.fromEntries(platform);
  return Object.fromEntries(
    Object.entries(readManifest(join(root, 'package.json'))?.dependencies ?? {}).filter(([name]) =>
      name.startsWith('@platform/'),
    ),
  );
}

/**
 * Each `@platform/*` library an environment depends on: the version its package.json pins and the version its
 * imports actually load, with the reason when they differ (an install that did not follow a change of pins,
 * a link pnpm replaced). The CLI refuses to render such an environment: it would render other code than its
 * pins say.
 */
export function environmentPins(root: string, environmentDir: string): LibraryPin[] {
  const pins: LibraryPin[] = [];
  for (const [name, spec] of Object.entries(declaredDependencies(root, environmentDir)).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const location = installedAt(environmentDir, name);
    const real = location ? realpathSync(location) : undefined;
    const installed = real ? readManifest(join(real, 'package.json'))?.version : undefined;
    const pin: LibraryPin = { name, spec, ...(installed ? { installed } : {}) };
    const shown = (path: string) => relative(root, path).split(sep).join('/');
    if (spec.startsWith('workspace:')) {
      if (installed) pin.version = installed;
      if (real?.split(sep).includes('node_modules'))
        pin.mismatch = `it is a copy in ${shown(real)}, not the workspace source`;
    } else if (spec.startsWith('file:') && spec.endsWith('.tgz')) {
      const tarball = resolve(environmentDir, spec.slice('file:'.length));
      const packed = tarballManifest(tarball);
      if (!packed) pin.mismatch = `${spec} cannot be read`;
      else {
        pin.version = packed.version;
        if (packed.name !== name) pin.mismatch = `${spec} holds ${packed.name}`;
        else if (installed !== packed.version)
          pin.mismatch = installed ? `${installed} is installed` : 'it is not installed';
      }
    } else if (spec.startsWith('file:') || spec.startsWith('link:')) {
      const folder = resolve(environmentDir, spec.slice(spec.indexOf(':') + 1));
      pin.version = readManifest(join(folder, 'package.json'))?.version ?? spec;
      if (!real || realpathSync(folder) !== real)
        pin.mismatch = real ? `it points to ${shown(real)}` : 'it is not installed';
    } else if (semver.valid(spec)) {
      pin.version = semver.valid(spec)!;
      if (installed !== pin.version) pin.mismatch = installed ? `${installed} is installed` : 'it is not installed';
    } else if (semver.validRange(spec)) {
      if (!installed) pin.mismatch = 'it is not installed';
      else if (!semver.satisfies(installed, spec)) pin.mismatch = `${installed} is installed`;
    }
    pins.push(pin);
  }
  return pins;
}

/** One line per library whose installed version is not the pinned one, saying what to run. */
export function pinProblems(environment: string, pins: LibraryPin[]): string[] {
  return pins
    .filter((pin) => pin.mismatch)
    .map(
      (pin) =>
        `environments/${environment} pins ${pin.name} ${pin.spec}${pin.version && pin.version !== pin.spec ? ` (${pin.version})` : ''}, but ${pin.mismatch}; run \`pnpm install\` (or your package manager's install) so node_modules matches the pins`,
    );
}

/**
 * The library versions each environment pins, by environment then package (`@platform/mimir` → `1.0.0`), for
 * the promotion gate of `check` (`PolicyContext.componentVersions`), which compares versions, not specs.
 */
export function pinnedVersions(
  root: string,
  environmentDirs: Record<string, string>,
): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(environmentDirs).map(([environment, dir]) => [
      environment,
      Object.fromEntries(environmentPins(root, dir).map((pin) => [pin.name, pin.version ?? pin.spec])),
    ]),
  );
}
