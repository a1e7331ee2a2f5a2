import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** What a write changed. */
export interface WriteSummary {
  written: number;
  unchanged: number;
  removed: number;
}

const STAGING = '.staging';

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function listFiles(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(join(folder, entry.name), rel));
    else out.push(rel);
  }
  return out;
}

function removeEmptyFolders(folder: string, keep: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(folder, entry.name);
    removeEmptyFolders(path, keep);
    if (path !== keep && readdirSync(path).length === 0) rmdirSync(path);
  }
}

/**
 * Replaces the contents of `folder` with `files` (relative path → content), safely:
 * every path must stay inside `folder`; all new files are first written to a staging folder inside it, then
 * renamed into place one by one (each rename is atomic, so a reader sees the old or the new file, never half
 * of one); unchanged files are not touched; files that are no longer rendered are removed last.
 * The caller renders completely in memory first, so a failed render never reaches this function.
 */
export function writeTree(folder: string, files: Map<string, string>): WriteSummary {
  const target = resolve(folder);
  for (const path of files.keys()) {
    if (!inside(target, resolve(target, path)) || path.split('/').includes(STAGING)) throw new Error(`refusing to write outside ${folder}: ${path}`);
  }
  const staging = join(target, STAGING);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });

  const changed: string[] = [];
  let unchanged = 0;
  for (const [path, content] of files) {
    const final = join(target, path);
    if (existsSync(final) && readFileSync(final, 'utf8') === content) {
      unchanged++;
      continue;
    }
    const staged = join(staging, path);
    mkdirSync(dirname(staged), { recursive: true });
    writeFileSync(staged, content);
    changed.push(path);
  }
  for (const path of changed) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    renameSync(join(staging, path), join(target, path));
  }
  let removed = 0;
  for (const path of listFiles(target)) {
    if (path.startsWith(`${STAGING}/`) || files.has(path)) continue;
    rmSync(join(target, path));
    removed++;
  }
  rmSync(staging, { recursive: true, force: true });
  removeEmptyFolders(target, target);
  return { written: changed.length, unchanged, removed };
}

/** Reads every file below `folder` (relative path → content), for diffs. */
export function readTree(folder: string): Map<string, string> {
  return new Map(listFiles(folder).filter((p) => !p.startsWith(`${STAGING}/`)).sort().map((path) => [path, readFileSync(join(folder, path), 'utf8')]));
}
