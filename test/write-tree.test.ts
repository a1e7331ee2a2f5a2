import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTree, recoverTree, writeTree } from '../packages/cli/src/write-tree.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'platform-write-'));
}

describe('writeTree', () => {
  it('writes every file and removes files of objects that no longer exist', () => {
    const root = folder();
    const out = join(root, 'rendered', 'prod');
    writeTree(
      out,
      new Map([
        ['a/one.yaml', '1\n'],
        ['a/two.yaml', '2\n'],
        ['b/three.yaml', '3\n'],
      ]),
    );
    const summary = writeTree(
      out,
      new Map([
        ['a/one.yaml', '1\n'],
        ['a/two.yaml', 'changed\n'],
      ]),
    );
    expect(summary).toEqual({ written: 1, unchanged: 1, removed: 1 });
    expect([...readTree(out).entries()]).toEqual([
      ['a/one.yaml', '1\n'],
      ['a/two.yaml', 'changed\n'],
    ]);
    expect(existsSync(join(out, 'b'))).toBe(false);
    // The work folder sits beside the output, holds nothing after a write, and git ignores it wherever it is.
    expect(readdirSync(join(root, 'rendered')).sort()).toEqual(['.platform-write', 'prod']);
    expect(readdirSync(join(root, 'rendered', '.platform-write'))).toEqual(['.gitignore']);
  });

  it('does not touch unchanged files', () => {
    const out = join(folder(), 'prod');
    writeTree(out, new Map([['a.yaml', 'x\n']]));
    const before = statSync(join(out, 'a.yaml'));
    writeTree(out, new Map([['a.yaml', 'x\n']]));
    const after = statSync(join(out, 'a.yaml'));
    expect([after.mtimeMs, after.ino]).toEqual([before.mtimeMs, before.ino]);
  });

  it('leaves a tree that already is the render as it is, and still swaps when a file would only be removed', () => {
    const out = join(folder(), 'prod');
    writeTree(
      out,
      new Map([
        ['a/x.yaml', 'x\n'],
        ['b/y.yaml', 'y\n'],
      ]),
    );
    const folderBefore = statSync(out).ino;
    const steps: string[] = [];
    const summary = writeTree(
      out,
      new Map([
        ['a/x.yaml', 'x\n'],
        ['b/y.yaml', 'y\n'],
      ]),
      { onStep: (s) => steps.push(s) },
    );
    expect(summary).toEqual({ written: 0, unchanged: 2, removed: 0 });
    expect(steps).toEqual([]);
    expect(statSync(out).ino).toBe(folderBefore);
    // Same contents but one file fewer is a change: the file goes.
    expect(writeTree(out, new Map([['a/x.yaml', 'x\n']]))).toEqual({ written: 0, unchanged: 1, removed: 1 });
    expect([...readTree(out).keys()]).toEqual(['a/x.yaml']);
  });

  it('keeps the files `keep` selects (a render of some components)', () => {
    const out = join(folder(), 'prod');
    writeTree(
      out,
      new Map([
        ['a/x.yaml', 'a\n'],
        ['b/y.yaml', 'b\n'],
      ]),
    );
    const summary = writeTree(out, new Map([['a/x.yaml', 'new a\n']]), { keep: (path) => !path.startsWith('a/') });
    expect(summary).toEqual({ written: 1, unchanged: 0, removed: 0 });
    expect([...readTree(out).entries()]).toEqual([
      ['a/x.yaml', 'new a\n'],
      ['b/y.yaml', 'b\n'],
    ]);
  });

  it('refuses paths that would leave the output folder, and writes nothing then', () => {
    const root = folder();
    const out = join(root, 'prod');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.yaml'), 'old\n');
    for (const path of [
      '../escape.yaml',
      '/etc/passwd',
      'a/../../escape.yaml',
      '.staging/x.yaml',
      'a//b.yaml',
      './x.yaml',
      '',
    ]) {
      expect(() =>
        writeTree(
          out,
          new Map([
            ['ok.yaml', 'new\n'],
            [path, 'bad\n'],
          ]),
        ),
      ).toThrow(/refusing to write outside/);
    }
    expect(readdirSync(root)).toEqual(['prod']);
    expect(readFileSync(join(out, 'keep.yaml'), 'utf8')).toBe('old\n');
    expect(existsSync(join(out, 'ok.yaml'))).toBe(false);
  });

  it('refuses to write while another live process holds the folder, and takes over a dead one', () => {
    const root = folder();
    const out = join(root, 'rendered', 'prod');
    writeTree(out, new Map([['a.yaml', '1\n']]));
    const lock = join(root, 'rendered', '.platform-write', 'prod.lock');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(lock, String(sleeper.pid));
      expect(() => writeTree(out, new Map([['a.yaml', '2\n']]))).toThrow(
        new RegExp(`another run \\(process ${sleeper.pid}\\) is writing`),
      );
    } finally {
      sleeper.kill('SIGKILL');
    }
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    writeFileSync(lock, dead);
    writeTree(out, new Map([['a.yaml', '2\n']]));
    expect(readFileSync(join(out, 'a.yaml'), 'utf8')).toBe('2\n');
  });

  it('removes the .staging folder an earlier version left inside the output, and says so', () => {
    const out = join(folder(), 'rendered', 'prod');
    mkdirSync(join(out, '.staging', 'mimir'), { recursive: true });
    writeFileSync(join(out, '.staging', 'mimir', 'x.yaml'), 'half\n');
    writeFileSync(join(out, 'a.yaml'), '1\n');
    expect(recoverTree(out)).toMatch(/removed \.staging\/ left by an interrupted run/);
    expect([...readTree(out).keys()]).toEqual(['a.yaml']);
  });
});

/** The old and the new render of the kill loop: changed, unchanged, added and removed files in nested folders. */
function trees(size: number): { before: Map<string, string>; after: Map<string, string> } {
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  for (let index = 0; index < size; index++) {
    const path = `component-${index % 7}/object-${index}.yaml`;
    before.set(path, `old ${index}\n`);
    if (index % 5 === 0) continue; // removed
    after.set(path, index % 3 === 0 ? `old ${index}\n` : `new ${index}\n`);
  }
  for (let index = 0; index < size / 4; index++)
    after.set(`added-${index % 3}/object-${index}.yaml`, `added ${index}\n`);
  return { before, after };
}

const sorted = (tree: Map<string, string>) => JSON.stringify([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
const equal = (a: Map<string, string>, b: Map<string, string>) => sorted(a) === sorted(b);

describe('an interrupted write leaves the old or the new tree, never a mix', () => {
  let child: string;
  beforeAll(async () => {
    // The writer as a plain script, so each iteration is a real process that SIGKILL ends.
    const dir = folder();
    child = join(dir, 'writer.mjs');
    writeFileSync(
      join(dir, 'entry.ts'),
      `import { readFileSync } from 'node:fs';
import { writeTree } from ${JSON.stringify(join(import.meta.dirname, '../packages/cli/src/write-tree.ts'))};
const [folder, treeFile, killAt] = process.argv.slice(2);
let step = 0;
writeTree(folder, new Map(JSON.parse(readFileSync(treeFile, 'utf8'))), {
  onStep: () => { if (step++ === Number(killAt)) process.kill(process.pid, 'SIGKILL'); },
});
`,
    );
    await build({
      entryPoints: [join(dir, 'entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: child,
      logLevel: 'error',
    });
  });

  const cases: Array<{ kind: string; killed: boolean }> = [];

  it('holds when killed after every single step of the write (deterministic)', () => {
    const { before, after } = trees(24);
    const root = folder();
    const out = join(root, 'rendered', 'prod');
    const treeFile = join(root, 'after.json');
    writeFileSync(treeFile, JSON.stringify([...after]));
    const steps = after.size + 5;
    for (let killAt = 0; killAt <= steps; killAt++) {
      writeTree(out, before);
      const result = spawnSync(process.execPath, [child, out, treeFile, String(killAt)]);
      const killed = result.signal === 'SIGKILL';
      cases.push({ kind: `step ${killAt}`, killed });
      recoverTree(out);
      const now = readTree(out);
      expect(equal(now, before) || equal(now, after), `killed after step ${killAt}: a mix of old and new`).toBe(true);
      if (killAt < after.size)
        expect(equal(now, before), `killed while staging (step ${killAt}) must keep the old tree`).toBe(true);
      if (!killed) expect(equal(now, after)).toBe(true);
    }
    expect(cases.filter((c) => c.killed).length).toBe(steps);
  }, 240_000);

  it('holds when killed at random moments (SIGKILL from outside)', async () => {
    const { before, after } = trees(150);
    const root = folder();
    const out = join(root, 'rendered', 'prod');
    const treeFile = join(root, 'after.json');
    writeFileSync(treeFile, JSON.stringify([...after]));
    // How long a whole run takes here, start-up included, so the kills spread over all of it and a bit beyond.
    writeTree(out, before);
    const started = performance.now();
    spawnSync(process.execPath, [child, out, treeFile, '-1']);
    const span = (performance.now() - started) * 1.5;

    let sawOld = 0;
    let sawNew = 0;
    for (let iteration = 0; iteration < 30; iteration++) {
      writeTree(out, before);
      const writer = spawn(process.execPath, [child, out, treeFile, '-1'], { stdio: 'ignore' });
      const exited = new Promise((resolve) => writer.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * span));
      writer.kill('SIGKILL');
      await exited;
      recoverTree(out);
      const now = readTree(out);
      const old = equal(now, before);
      const fresh = equal(now, after);
      expect(old || fresh, `iteration ${iteration}: a mix of old and new`).toBe(true);
      if (old) sawOld++;
      else sawNew++;
      cases.push({ kind: 'random', killed: true });
    }
    // Both outcomes occur: the kills spread over the whole run, not only before or after it.
    expect(sawOld).toBeGreaterThan(0);
    expect(sawNew).toBeGreaterThan(0);
    console.log(
      `kill loop: ${cases.filter((c) => c.killed).length} kills in all (${sawOld} left the old tree, ${sawNew} the new one in the random part)`,
    );
  }, 240_000);
});
