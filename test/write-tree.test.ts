import { mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree, writeTree } from '../scripts/cli/write-tree.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'platform-write-'));
}

describe('writeTree', () => {
  it('writes every file and removes files of objects that no longer exist', () => {
    const root = folder();
    const out = join(root, 'rendered', 'prod');
    writeTree(out, new Map([['a/one.yaml', '1\n'], ['a/two.yaml', '2\n'], ['b/three.yaml', '3\n']]));
    const summary = writeTree(out, new Map([['a/one.yaml', '1\n'], ['a/two.yaml', 'changed\n']]));
    expect(summary).toEqual({ written: 1, unchanged: 1, removed: 1 });
    expect([...readTree(out).entries()]).toEqual([['a/one.yaml', '1\n'], ['a/two.yaml', 'changed\n']]);
    expect(existsSync(join(out, 'b'))).toBe(false);
    expect(existsSync(join(out, '.staging'))).toBe(false);
  });

  it('does not touch unchanged files', () => {
    const out = join(folder(), 'prod');
    writeTree(out, new Map([['a.yaml', 'x\n']]));
    const before = statSync(join(out, 'a.yaml')).mtimeMs;
    writeTree(out, new Map([['a.yaml', 'x\n']]));
    expect(statSync(join(out, 'a.yaml')).mtimeMs).toBe(before);
  });

  it('refuses paths that would leave the output folder, and writes nothing then', () => {
    const root = folder();
    const out = join(root, 'prod');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.yaml'), 'old\n');
    for (const path of ['../escape.yaml', '/etc/passwd', 'a/../../escape.yaml', '.staging/x.yaml']) {
      expect(() => writeTree(out, new Map([['ok.yaml', 'new\n'], [path, 'bad\n']]))).toThrow(/refusing to write outside/);
    }
    expect(readdirSync(root)).toEqual(['prod']);
    expect(readFileSync(join(out, 'keep.yaml'), 'utf8')).toBe('old\n');
    expect(existsSync(join(out, 'ok.yaml'))).toBe(false);
  });
});
