import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { archivedTarball, RELEASES_FOLDER, readTarballFiles } from './archive.js';
import { build, inDependencyOrder, pack } from './build.js';
import { type LibraryPackage, libraryPackages, withDependencies } from './workspace.js';

/** A library whose source no longer builds the package released under its current version. */
export interface Drift {
  library: LibraryPackage;
  /** The archived tarball of the version it claims. */
  tarball: string;
  /** Files that differ, appeared or disappeared in the package, sorted. */
  files: string[];
  /** The pending changesets (`.changeset/*.md`) that name it: the version bump is recorded, not yet applied. */
  changesets: string[];
}

/** The libraries each pending changeset names (its front matter: `"@platform/mimir": minor`). */
export function pendingChangesets(root: string): Map<string, string[]> {
  const folder = join(root, '.changeset');
  const byLibrary = new Map<string, string[]>();
  for (const file of existsSync(folder) ? readdirSync(folder).sort() : []) {
    if (!file.endsWith('.md') || file === 'README.md') continue;
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(folder, file), 'utf8'))?.[1] ?? '';
    for (const match of front.matchAll(/^\s*["']?(@?[^"':\s]+)["']?\s*:\s*(major|minor|patch)\s*$/gm)) {
      byLibrary.set(match[1]!, [...(byLibrary.get(match[1]!) ?? []), `.changeset/${file}`]);
    }
  }
  return byLibrary;
}

/** What differs between two packed tarballs, by file (contents compared, not tar headers). */
function differences(released: string, built: string): string[] {
  const before = readTarballFiles(released);
  const after = readTarballFiles(built);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.filter((path) => {
    const a = before.get(path);
    const b = after.get(path);
    return a === undefined || b === undefined || !a.equals(b);
  });
}

/**
 * Builds and packs every library whose current version is archived in releases/ (with the libraries they
 * build against), exactly as `pnpm release` would, and compares each package file by file with the archived
 * tarball. A difference means the source changed while the version did not: whatever renders the workspace
 * (dev) then runs code that no released version holds. Libraries whose version is not released yet are the
 * next release's business and are not checked.
 */
export async function releaseDrift(
  root: string,
  options: { only?: string[]; archive?: string; log?: (line: string) => void } = {},
): Promise<Drift[]> {
  const log = options.log ?? (() => undefined);
  const libraries = libraryPackages(root);
  const released = libraries
    .filter((library) => !options.only || options.only.includes(library.name))
    .flatMap((library) => {
      const tarball = archivedTarball(options.archive ?? join(root, RELEASES_FOLDER), library.name, library.version);
      return tarball ? [{ library, tarball }] : [];
    });
  if (released.length === 0) return [];
  await inDependencyOrder(
    withDependencies(
      libraries,
      released.map(({ library }) => library.name),
    ),
    (library) => build(library, log),
  );
  const staging = mkdtempSync(join(tmpdir(), 'platform-drift-'));
  const changesets = pendingChangesets(root);
  try {
    const drifts: Drift[] = [];
    for (const { library, tarball } of released) {
      const files = differences(tarball, await pack(library, staging));
      if (files.length > 0)
        drifts.push({
          library,
          tarball: relative(root, tarball),
          files,
          changesets: changesets.get(library.name) ?? [],
        });
    }
    return drifts;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** One line about a drifted library: what differs and what to do. */
export function describeDrift(root: string, drift: Drift): string {
  const { library, files } = drift;
  const listed = `${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`;
  const folder = relative(root, library.dir);
  if (drift.changesets.length > 0) {
    return `${library.name}@${library.version}: ${folder} differs from the released ${drift.tarball} (${listed}); ${drift.changesets.join(', ')} records the change: apply it with \`pnpm version-packages\`, then \`pnpm release\`.`;
  }
  return `${library.name}@${library.version}: ${folder} differs from the released ${drift.tarball} (${listed}), and no changeset names it. A released version never changes: record the change with \`pnpm changeset\`, apply it with \`pnpm version-packages\`, then \`pnpm release\`.`;
}
