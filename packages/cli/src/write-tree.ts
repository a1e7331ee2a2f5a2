import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** What a write changed. */
export interface WriteSummary {
  written: number;
  unchanged: number;
  removed: number;
  /** One line about leftovers of an interrupted run that this write recovered, if there were any. */
  recovered?: string;
}

/** Options of {@link writeTree}. */
export interface WriteOptions {
  /**
   * Files of the current tree to carry over when `files` does not name them (a render of some components
   * keeps the others' files). Default: none, so every file that is not rendered is removed.
   */
  keep?: (path: string) => boolean;
  /** Called after each step of the write; tests kill the process here to prove every moment is safe. */
  onStep?: (step: string) => void;
}

/**
 * The folder beside the output folders where a write prepares the new tree. Hidden and ignored by git through
 * its own `.gitignore`, so `git add rendered/<env>` never picks it up, in this repository or any other.
 */
export const WORK_FOLDER = '.platform-write';
/** Staging folder of the version before this one, inside output folders; removed when found. */
const LEGACY_STAGING = '.staging';

interface Paths {
  target: string;
  work: string;
  next: string;
  old: string;
  ready: string;
  lock: string;
}

function pathsOf(folder: string): Paths {
  const target = resolve(folder);
  const work = join(dirname(target), WORK_FOLDER);
  const name = basename(target);
  return {
    target,
    work,
    next: join(work, `${name}.next`),
    old: join(work, `${name}.old`),
    ready: join(work, `${name}.ready`),
    lock: join(work, `${name}.lock`),
  };
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Every file below `folder`, as `a/b.yaml` paths, sorted; the old staging folder is not part of the tree. */
function listFiles(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (prefix === '' && entry.name === LEGACY_STAGING) continue;
    if (entry.isDirectory()) out.push(...listFiles(join(folder, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the per-folder lock, or says which process holds it; a lock whose process is gone is taken over. */
function lock(paths: Paths): () => void {
  mkdirSync(paths.work, { recursive: true });
  const ignore = join(paths.work, '.gitignore');
  if (!existsSync(ignore))
    writeFileSync(ignore, '# written by @platform/cli: work folder of atomic writes, never committed\n*\n');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(paths.lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(paths.lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(paths.lock, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `another run (process ${holder}) is writing ${relative(process.cwd(), paths.target) || paths.target}; wait for it to finish`,
        );
      }
      rmSync(paths.lock, { force: true });
    }
  }
  throw new Error(`cannot lock ${paths.lock}`);
}

/**
 * Brings an output folder back to a whole render after a run was killed while writing it: a prepared tree that
 * was complete (`ready`) is swapped in, an incomplete one is discarded, and the old tree's leftovers are
 * removed. Call with the lock held. Returns one line saying what it did, if anything.
 */
function recover(paths: Paths): string | undefined {
  const shown = relative(process.cwd(), paths.target) || paths.target;
  let message: string | undefined;
  if (existsSync(paths.ready)) {
    if (existsSync(paths.next)) {
      if (existsSync(paths.target)) {
        rmSync(paths.old, { recursive: true, force: true });
        renameSync(paths.target, paths.old);
      }
      renameSync(paths.next, paths.target);
    }
    rmSync(paths.ready, { force: true });
    message = `${shown}: finished the write an interrupted run had started (its render is complete)`;
  } else if (existsSync(paths.next)) {
    rmSync(paths.next, { recursive: true, force: true });
    message = `${shown}: removed the unfinished write of an interrupted run; the previous render is intact`;
  }
  if (existsSync(paths.old)) {
    // Without a ready marker the old tree only survives the last step; if the target is gone it is the tree.
    if (!existsSync(paths.target)) renameSync(paths.old, paths.target);
    else rmSync(paths.old, { recursive: true, force: true });
    message ??= `${shown}: removed what an interrupted run left behind`;
  }
  const legacy = join(paths.target, LEGACY_STAGING);
  if (existsSync(legacy)) {
    rmSync(legacy, { recursive: true, force: true });
    message ??= `${shown}: removed ${LEGACY_STAGING}/ left by an interrupted run of an earlier version`;
  }
  return message;
}

/**
 * Recovers an output folder from an interrupted write, if one happened (see {@link writeTree}); returns the
 * line that says what was done, or undefined when there was nothing to do.
 */
export function recoverTree(folder: string): string | undefined {
  const paths = pathsOf(folder);
  if (!existsSync(paths.work) && !existsSync(join(paths.target, LEGACY_STAGING))) return undefined;
  const unlock = lock(paths);
  try {
    return recover(paths);
  } finally {
    unlock();
  }
}

/** Checks every path before anything is written: relative, inside the folder, no empty or dot segments. */
function assertConfined(target: string, files: Map<string, string>): void {
  for (const path of files.keys()) {
    const segments = path.split('/');
    const bad =
      path === '' ||
      path.includes('\\') ||
      path.includes('\0') ||
      segments.some((segment) => segment === '' || segment === '.' || segment === '..') ||
      !isInside(target, resolve(target, path)) ||
      segments[0] === LEGACY_STAGING;
    if (bad) throw new Error(`refusing to write outside ${target}: ${path}`);
  }
}

/**
 * Replaces the contents of `folder` with `files` (relative path → content) as one atomic step, whatever the
 * moment the process is killed (SIGKILL included):
 *
 * 1. the whole new tree is written beside the old one, in the ignored work folder (unchanged files are hard
 *    links to the old ones, so they keep their timestamps);
 * 2. a `ready` marker records that the new tree is complete;
 * 3. the old tree is renamed away and the new one renamed into place;
 * 4. the marker and the old tree are removed.
 *
 * A kill before 2 leaves the old tree in place; after 2 the next run finishes the swap; so the folder is always
 * the old render or the new one, never a mix, once {@link recoverTree} (which every write runs first) has
 * looked at it. Paths must stay inside `folder`; nothing outside it and its work folder is written. The caller
 * renders completely in memory first, so a failed render never reaches this function.
 */
export function writeTree(folder: string, files: Map<string, string>, options: WriteOptions = {}): WriteSummary {
  const paths = pathsOf(folder);
  assertConfined(paths.target, files);
  const step = options.onStep ?? (() => undefined);
  const unlock = lock(paths);
  try {
    const recovered = recover(paths);
    const before = listFiles(paths.target);
    // One stat-free pass: what exists comes from the listing, each folder is created once.
    const existing = new Set(before);
    const kept = options.keep ? before.filter((path) => !files.has(path) && options.keep!(path)) : [];
    const same = new Set<string>();
    for (const [path, content] of files)
      if (existing.has(path) && readFileSync(join(paths.target, path), 'utf8') === content) same.add(path);
    // A tree that already is what the render says is left as it is: nothing to stage, nothing to swap.
    if (same.size === files.size && before.length === files.size + kept.length)
      return { written: 0, unchanged: files.size, removed: 0, ...(recovered ? { recovered } : {}) };
    rmSync(paths.next, { recursive: true, force: true });
    mkdirSync(paths.next, { recursive: true });
    let written = 0;
    let unchanged = 0;
    const folders = new Set([...files.keys(), ...kept].map((path) => dirname(join(paths.next, path))));
    for (const folder of [...folders].sort()) mkdirSync(folder, { recursive: true });
    const place = (path: string, content: string | undefined): void => {
      const source = join(paths.target, path);
      const destination = join(paths.next, path);
      const carried = content === undefined || same.has(path);
      if (carried) {
        try {
          linkSync(source, destination);
        } catch {
          writeFileSync(destination, readFileSync(source));
        }
      } else {
        writeFileSync(destination, content ?? '');
      }
      if (content !== undefined) carried ? unchanged++ : written++;
      step(`staged ${path}`);
    };
    for (const [path, content] of files) place(path, content);
    for (const path of kept) place(path, undefined);
    const removed = before.filter((path) => !files.has(path) && !kept.includes(path)).length;

    writeFileSync(paths.ready, '');
    step('ready');
    if (existsSync(paths.target)) {
      renameSync(paths.target, paths.old);
      step('moved the old tree away');
    }
    renameSync(paths.next, paths.target);
    step('moved the new tree into place');
    unlinkSync(paths.ready);
    step('removed the ready marker');
    rmSync(paths.old, { recursive: true, force: true });
    step('removed the old tree');
    return { written, unchanged, removed, ...(recovered ? { recovered } : {}) };
  } finally {
    unlock();
  }
}

/** Reads every file below `folder` (relative path → content), for diffs; empty when the folder does not exist. */
export function readTree(folder: string): Map<string, string> {
  return new Map(listFiles(folder).map((path) => [path, readFileSync(join(folder, path), 'utf8')]));
}

/** Whether an output folder exists (a diff against a folder that was never rendered says so first). */
export function treeExists(folder: string): boolean {
  return existsSync(folder) && statSync(folder).isDirectory();
}
