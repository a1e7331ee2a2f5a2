import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CliError } from './errors.js';

/** The top folder of the git work tree that holds `dir`, if any (looked up without running git). */
export function gitTop(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

function gitBytes(cwd: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', args, { cwd, maxBuffer: 512 * 1024 * 1024, ...(input ? { input } : {}) });
  if (result.error) throw new CliError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) throw new CliError(`git ${args.join(' ')} failed: ${result.stderr.toString().trim()}`);
  return result.stdout;
}

function git(cwd: string, args: string[]): string {
  return gitBytes(cwd, args).toString('utf8');
}

/**
 * Files that differ between `ref` and the working tree (committed, staged or not) plus untracked files, as
 * paths relative to the git top folder.
 */
export function changedFiles(cwd: string, ref: string): string[] {
  git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const changed = git(cwd, ['diff', '--name-only', '--no-renames', ref, '--']).split('\n');
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '--full-name']).split('\n');
  return [...new Set([...changed, ...untracked].filter((line) => line !== ''))].sort();
}

/**
 * The files of `folder` as committed at `ref` (path relative to `folder` → content), read from git's object
 * store without touching the work tree, the index or any ref: `git ls-tree` lists the blobs, one `git cat-file
 * --batch` reads them all. Undefined when the commit has no such folder.
 */
export function committedFiles(folder: string, ref: string): Map<string, string> | undefined {
  const top = gitTop(folder);
  if (!top)
    throw new CliError(`${folder} is not inside a git work tree, so there is no commit "${ref}" to compare with`);
  const prefix = relative(top, folder).split(sep).join('/');
  const commit = spawnSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
    cwd: top,
    encoding: 'utf8',
  });
  if (commit.error) throw new CliError(`cannot run git: ${commit.error.message}`);
  if (commit.status !== 0) throw new CliError(`"${ref}" is not a commit of the git repository at ${top}`);
  const listing = git(top, ['ls-tree', '-r', '-z', '--full-tree', ref, '--', `${prefix}/`])
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [, type, object] = meta.split(' ') as [string, string, string];
      return { type, object, path: path.slice(prefix.length + 1) };
    })
    .filter((entry) => entry.type === 'blob');
  if (listing.length === 0) return undefined;
  const batch = gitBytes(top, ['cat-file', '--batch'], `${listing.map((entry) => entry.object).join('\n')}\n`);
  const files = new Map<string, string>();
  let offset = 0;
  for (const entry of listing) {
    const end = batch.indexOf(0x0a, offset);
    const size = Number(batch.subarray(offset, end).toString('utf8').split(' ')[2]);
    files.set(entry.path, batch.subarray(end + 1, end + 1 + size).toString('utf8'));
    offset = end + 1 + size + 1;
  }
  return files;
}
