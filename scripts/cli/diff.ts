import { createTwoFilesPatch } from 'diff';
import { paint } from './output.js';

/** One file's difference between what is on disk and what would be rendered. */
export interface FileChange {
  path: string;
  status: 'added' | 'removed' | 'changed';
  patch: string;
}

/** Compares the rendered tree on disk with a fresh render, file by file (one file is one object). */
export function diffTrees(before: Map<string, string>, after: Map<string, string>): FileChange[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: FileChange[] = [];
  for (const path of paths) {
    const old = before.get(path);
    const next = after.get(path);
    if (old === next) continue;
    const status = old === undefined ? 'added' : next === undefined ? 'removed' : 'changed';
    const patch = createTwoFilesPatch(old === undefined ? '/dev/null' : `a/${path}`, next === undefined ? '/dev/null' : `b/${path}`, old ?? '', next ?? '', undefined, undefined, { context: 3 });
    changes.push({ path, status, patch });
  }
  return changes;
}

/** Colours a unified diff like git does. */
export function colorPatch(patch: string): string {
  return patch
    .split('\n')
    .filter((line) => !line.startsWith('==='))
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return paint('bold', line);
      if (line.startsWith('@@')) return paint('cyan', line);
      if (line.startsWith('+')) return paint('green', line);
      if (line.startsWith('-')) return paint('red', line);
      return line;
    })
    .join('\n');
}
