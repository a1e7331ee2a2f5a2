import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { readTarballManifest, tarballName } from './archive.js';
import { ReleaseError } from './registry.js';
import type { LibraryPackage } from './workspace.js';

/**
 * Runs `task` for every library, a few at a time (tsc and pnpm use one core each), each only after the
 * libraries it depends on have finished. The first failure stops new tasks and is thrown once running ones end.
 */
export async function inDependencyOrder(
  libraries: LibraryPackage[],
  task: (library: LibraryPackage) => Promise<void>,
): Promise<void> {
  const concurrency = Math.max(1, Math.min(4, availableParallelism()));
  const included = new Set(libraries.map((library) => library.name));
  const finished = new Set<string>();
  const waiting = [...libraries];
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  while (waiting.length > 0 && !failure) {
    const ready = waiting.findIndex((library) =>
      library.internal.every((dependency) => !included.has(dependency) || finished.has(dependency)),
    );
    if (ready === -1 || running.size >= concurrency) {
      if (running.size === 0) throw new Error(`cannot order: ${waiting.map((library) => library.name).join(', ')}`);
      await Promise.race(running);
      continue;
    }
    const [library] = waiting.splice(ready, 1);
    const started: Promise<void> = task(library!)
      .then(
        () => void finished.add(library!.name),
        (error: unknown) => void (failure ??= { error }),
      )
      .finally(() => running.delete(started));
    running.add(started);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}

export function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Builds a library from a clean dist/, so no output of a deleted source file is published. */
export async function build(library: LibraryPackage, log: (line: string) => void): Promise<void> {
  log(`building ${library.name}`);
  rmSync(join(library.dir, 'dist'), { recursive: true, force: true });
  const result = await run('pnpm', ['run', 'build'], library.dir);
  if (result.code !== 0)
    throw new ReleaseError(`building ${library.name} failed; nothing was published:\n${result.output.trim()}`);
}

/** Packs a library with pnpm, which turns `workspace:` ranges into versions and applies publishConfig. */
export async function pack(library: LibraryPackage, destination: string): Promise<string> {
  const result = await run('pnpm', ['pack', '--pack-destination', destination], library.dir);
  const tarball = join(destination, tarballName(library.name, library.version));
  if (result.code !== 0 || !existsSync(tarball))
    throw new ReleaseError(`packing ${library.name} failed; nothing was published:\n${result.output.trim()}`);
  const manifest = readTarballManifest(tarball);
  if (manifest.name !== library.name || manifest.version !== library.version) {
    throw new ReleaseError(
      `packing ${library.name}@${library.version} produced ${manifest.name}@${manifest.version}; nothing was published`,
    );
  }
  return tarball;
}
