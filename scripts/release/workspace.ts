import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPENDENCY_FIELDS, type PackageManifest } from './archive.js';

/** A library of the workspace that is published. */
export interface LibraryPackage {
  name: string;
  version: string;
  /** Absolute folder of the package. */
  dir: string;
  /** The other libraries it depends on in any dependency field (its build needs theirs). */
  internal: string[];
}

/** The libraries under packages/ (every non-private package), each after the libraries it depends on. */
export function libraryPackages(root: string): LibraryPackage[] {
  const folder = join(root, 'packages');
  const found = new Map<string, LibraryPackage>();
  const manifests: Array<{ manifest: PackageManifest; dir: string }> = [];
  for (const entry of existsSync(folder) ? readdirSync(folder).sort() : []) {
    const file = join(folder, entry, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as PackageManifest;
    if (!manifest.private) manifests.push({ manifest, dir: join(folder, entry) });
  }
  const names = new Set(manifests.map(({ manifest }) => manifest.name));
  for (const { manifest, dir } of manifests) {
    const internal = new Set<string>();
    for (const field of DEPENDENCY_FIELDS)
      for (const dependency of Object.keys(manifest[field] ?? {})) if (names.has(dependency)) internal.add(dependency);
    found.set(manifest.name, { name: manifest.name, version: manifest.version, dir, internal: [...internal].sort() });
  }
  return topologicalOrder(found);
}

/** The libraries `names` need built first, and themselves, dependencies first. */
export function withDependencies(libraries: LibraryPackage[], names: Iterable<string>): LibraryPackage[] {
  const byName = new Map(libraries.map((library) => [library.name, library]));
  const needed = new Set<string>();
  const visit = (name: string): void => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const dependency of byName.get(name)?.internal ?? []) visit(dependency);
  };
  for (const name of names) visit(name);
  return libraries.filter((library) => needed.has(library.name));
}

function topologicalOrder(libraries: Map<string, LibraryPackage>): LibraryPackage[] {
  const ordered: LibraryPackage[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (library: LibraryPackage, path: string[]): void => {
    if (state.get(library.name) === 'done') return;
    if (state.get(library.name) === 'visiting')
      throw new Error(`dependency cycle between libraries: ${[...path, library.name].join(' → ')}`);
    state.set(library.name, 'visiting');
    for (const dependency of library.internal) visit(libraries.get(dependency)!, [...path, library.name]);
    state.set(library.name, 'done');
    ordered.push(library);
  };
  for (const library of libraries.values()) visit(library, []);
  return ordered;
}
