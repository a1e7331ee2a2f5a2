import { createTwoFilesPatch } from 'diff';
import { paint } from './output.js';

/** One file's difference between what is on disk and what would be rendered. */
export interface FileChange {
  /** Path inside `rendered/<env>/`. */
  path: string;
  status: 'added' | 'removed' | 'changed';
  /** A unified diff whose headers carry `prefix` + path, so `git apply` run at the repository top applies it. */
  patch: string;
}

/**
 * Compares the rendered tree on disk with a fresh render, file by file (one file is one object). `prefix` is the
 * output folder's path from the repository top (`rendered/prod/`).
 */
export function diffTrees(before: Map<string, string>, after: Map<string, string>, prefix = ''): FileChange[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: FileChange[] = [];
  for (const path of paths) {
    const old = before.get(path);
    const next = after.get(path);
    if (old === next) continue;
    const status = old === undefined ? 'added' : next === undefined ? 'removed' : 'changed';
    const patch = createTwoFilesPatch(
      old === undefined ? '/dev/null' : `a/${prefix}${path}`,
      next === undefined ? '/dev/null' : `b/${prefix}${path}`,
      old ?? '',
      next ?? '',
      undefined,
      undefined,
      { context: 3 },
    )
      .split('\n')
      .filter((line) => !line.startsWith('==='))
      .join('\n');
    changes.push({ path, status, patch });
  }
  return changes;
}

/** Colours a unified diff like git does. */
export function colorPatch(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return paint('bold', line);
      if (line.startsWith('@@')) return paint('cyan', line);
      if (line.startsWith('+')) return paint('green', line);
      if (line.startsWith('-')) return paint('red', line);
      return line;
    })
    .join('\n');
}
