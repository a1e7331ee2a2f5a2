import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError } from './errors.js';

/** The top folder of the git work tree that holds `dir`, if any (looked up without running git). */
export function gitTop(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new CliError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) throw new CliError(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
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
