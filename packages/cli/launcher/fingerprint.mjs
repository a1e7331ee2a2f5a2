// @ts-check
// What a cached bundle was built from, and whether that is still so. Shared by the fast path (a cached run,
// which must never load esbuild) and the bundler (which records it).
//
// Why stat first and hash only when needed is exact: a recorded file entry holds the size, mtime, ctime and
// inode a stat returned *before* its bytes were read, with the time that stat was taken. Any write to a file
// sets its ctime to the current time, and ctime cannot be set by hand, so a file whose stat is unchanged has
// not been written since, unless the write fell into the same timestamp tick as the recorded stat. Entries
// whose mtime or ctime lie within RACY_MS of the moment they were recorded are therefore "racy" (as git calls
// them) and are compared by content hash on every run. A stat that differs is not trusted either way: the
// content is hashed, and if it is unchanged (a `touch`, a checkout of the same bytes) the entry is refreshed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Timestamps this close to the moment a stat was taken may hide a later write in the same tick. */
export const RACY_MS = 2000;

/**
 * @typedef {[path: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, recordedAt: number, sha256: string]} FileEntry
 * A file the bundle depends on: a source esbuild read, or a package.json that decided how an import resolved.
 */

/**
 * @typedef {[path: string, sha256: string]} DirectoryEntry
 * A source folder whose listing decides how relative imports resolve (`./x.js` may mean `x.ts` only while
 * there is no `x.js`).
 */

/**
 * @typedef {[path: string, realpath: string]} LinkEntry
 * A node_modules entry an import resolved through, and the folder it pointed to (pnpm links, workspace links).
 */

/**
 * @typedef {object} Fingerprint
 * @property {FileEntry[]} files
 * @property {DirectoryEntry[]} dirs
 * @property {LinkEntry[]} links
 * @property {string[]} absent paths whose absence decided a resolution (a closer node_modules would win)
 */

/** @param {string | Buffer} bytes */
export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Paths in a manifest are relative to the project root when they lie inside it, so a moved checkout keeps
 * nothing pointing at the old place; anything outside stays absolute.
 * @param {string} root
 * @param {string} absolute
 */
export function toStored(root, absolute) {
  const rel = relative(root, absolute);
  return rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)
    ? absolute
    : rel.split(sep).join('/');
}

/**
 * @param {string} root
 * @param {string} stored
 */
export function fromStored(root, stored) {
  return isAbsolute(stored) ? stored : join(root, stored);
}

/**
 * A file entry from a stat taken before the bytes were read, and those bytes.
 * @param {string} stored
 * @param {import('node:fs').Stats} stat
 * @param {number} recordedAt
 * @param {Buffer} bytes
 * @returns {FileEntry}
 */
export function fileEntry(stored, stat, recordedAt, bytes) {
  return [stored, stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, recordedAt, sha256(bytes)];
}

/**
 * Sorted names in a folder, hashed; undefined when the folder does not exist.
 * @param {string} absolute
 */
export function listingHash(absolute) {
  let names;
  try {
    names = readdirSync(absolute);
  } catch {
    return undefined;
  }
  return sha256(names.sort().join('\0'));
}

/**
 * Checks one file entry. Returns `true` when unchanged, `false` when changed or gone, or a refreshed entry when
 * only its stat changed (same content), which the caller may store so later runs trust the stat again.
 * @param {string} root
 * @param {FileEntry} entry
 * @param {number} [now] when the check started (any stat taken after it is at least as recent)
 * @returns {boolean | FileEntry}
 */
export function checkFile(root, entry, now = Date.now()) {
  const [stored, size, mtimeMs, ctimeMs, ino, recordedAt, hash] = entry;
  // Stored paths are normalised with `/` (toStored): concatenation is join() without its per-call normalising.
  const absolute = isAbsolute(stored) ? stored : `${root}${sep}${sep === '/' ? stored : stored.split('/').join(sep)}`;
  const stat = statSync(absolute, { throwIfNoEntry: false });
  if (!stat) return false;
  const unchangedStat = stat.size === size && stat.mtimeMs === mtimeMs && stat.ctimeMs === ctimeMs && stat.ino === ino;
  const racy = Math.max(mtimeMs, ctimeMs) >= recordedAt - RACY_MS;
  if (unchangedStat && !racy) return true;
  if (stat.size !== size) return false;
  let bytes;
  try {
    bytes = readFileSync(absolute);
  } catch {
    return false; // a folder now, or unreadable
  }
  if (sha256(bytes) !== hash) return false;
  // Same content: record this stat (taken after `now`) so that later runs can trust it once it is no longer racy.
  return fileEntry(stored, stat, now, bytes);
}

/**
 * Checks a whole fingerprint; on success returns the file entries that were refreshed (possibly none).
 * @param {string} root
 * @param {Fingerprint} fingerprint
 * @returns {{ fresh: false, reason: string } | { fresh: true, refreshed: Map<number, FileEntry> }}
 */
export function checkFingerprint(root, fingerprint) {
  for (const [stored, realpath] of fingerprint.links) {
    let now;
    try {
      now = realpathSync.native(fromStored(root, stored));
    } catch {
      return { fresh: false, reason: `${stored} is gone` };
    }
    if (toStored(root, now) !== realpath)
      return { fresh: false, reason: `${stored} now points to ${toStored(root, now)}` };
  }
  for (const stored of fingerprint.absent) {
    if (existsSync(fromStored(root, stored))) return { fresh: false, reason: `${stored} appeared` };
  }
  for (const [stored, hash] of fingerprint.dirs) {
    if (listingHash(fromStored(root, stored)) !== hash)
      return { fresh: false, reason: `files were added to or removed from ${stored}` };
  }
  /** @type {Map<number, FileEntry>} */
  const refreshed = new Map();
  const now = Date.now();
  for (let index = 0; index < fingerprint.files.length; index++) {
    const entry = /** @type {FileEntry} */ (fingerprint.files[index]);
    const result = checkFile(root, entry, now);
    if (result === false) return { fresh: false, reason: `${entry[0]} changed` };
    if (result !== true) refreshed.set(index, result);
  }
  return { fresh: true, refreshed };
}
