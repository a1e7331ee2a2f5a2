import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { CliInput } from '../cli-input.js';
import type { ParsedCommand } from '../command-line.js';
import { loadEnvironment } from '../environments.js';
import { CliError } from '../errors.js';

/** What rendering some copies of an environment gave: per copy, its objects and (if asked) a digest of its files. */
interface FleetSlice {
  copies: Array<{ index: number; objects: number; digest?: string }>;
}

/**
 * Renders copies `indices` of environment `name`, each under its own name (`prod-3`), and with `digest` hashes
 * every file of each: the fleet's result must not depend on which worker rendered which copy, or in what order.
 * Exported by the CLI's bundle for the fleet's worker threads (launcher/fleet-worker.mjs).
 * @public
 */
export async function renderFleetSlice(
  input: CliInput,
  name: string,
  indices: number[],
  digest = false,
): Promise<FleetSlice> {
  const environment = await loadEnvironment(input, name);
  const copies: FleetSlice['copies'] = [];
  for (const index of indices) {
    const rendered = await environment.render.call({ ...environment, name: `${environment.name}-${index}` });
    if (!digest) {
      copies.push({ index, objects: rendered.objects.length });
      continue;
    }
    const hash = createHash('sha256');
    for (const [path, text] of rendered.files) hash.update(path).update('\0').update(text).update('\0');
    copies.push({ index, objects: rendered.objects.length, digest: hash.digest('hex') });
  }
  return { copies };
}

/** Runs a slice in a worker thread that loads the same bundle the launcher ran. */
function sliceInWorker(input: CliInput, name: string, indices: number[], digest: boolean): Promise<FleetSlice> {
  const bundle = input.bundle;
  if (!bundle) throw new CliError('--workers needs the bundled CLI (run it through the platform bin)');
  const worker = new Worker(
    `import(${JSON.stringify(bundle.workerEntry)}).then((m) => m.runFleetWorker(require('node:worker_threads')))`,
    {
      eval: true,
      // V8 lets a heap grow far past what a render keeps alive; a cap makes the worker collect sooner, so two
      // threads stay under 300 MB (50 prod copies: 275–294 MiB peak instead of 321–392, no slower). A copy that
      // needed more would end the worker with an out-of-memory error, reported, never a partial result.
      resourceLimits: { maxOldGenerationSizeMb: 128 },
      workerData: { bundle: bundle.file, root: input.root, known: input.known, name, indices, digest },
    },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (slice: FleetSlice) => resolve(slice));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`fleet worker exited with ${code}`)));
  });
}

/**
 * Benchmark helper (not a user command): renders the named environment `--count` times under different names,
 * in `--workers` threads (this one included; default 1), and prints one JSON line with the totals and, with
 * `--digest`, a digest of every rendered file, which is the same whatever the number of workers.
 */
export async function fleetCommand(input: CliInput, parsed: ParsedCommand): Promise<number> {
  const [name] = parsed.positionals;
  if (name === undefined || !input.known.includes(name))
    throw new CliError('name one environment: platform bench-fleet <env> --count <n>');
  const count = Number(parsed.flags.count);
  const workers = Math.min(count, parsed.flags.workers ? Number(parsed.flags.workers) : 1);
  const digest = parsed.flags.digest === true;
  if (!Number.isInteger(count) || count < 1) throw new CliError('--count must be a whole number from 1');
  if (!Number.isInteger(workers) || workers < 1) throw new CliError('--workers must be a whole number from 1');
  const indices = Array.from({ length: count }, (_, i) => i + 1);
  const started = performance.now();
  const share = (w: number) => indices.filter((index) => index % workers === w);
  // This thread renders one share itself while the other threads render theirs: one bundle fewer in memory.
  const others = Array.from({ length: workers - 1 }, (_, w) => sliceInWorker(input, name, share(w + 1), digest));
  const slices = [await renderFleetSlice(input, name, share(0), digest), ...(await Promise.all(others))];
  const milliseconds = performance.now() - started;
  const copies = slices.flatMap((slice) => slice.copies).sort((a, b) => a.index - b.index);
  const fleetDigest = createHash('sha256');
  for (const copy of copies) fleetDigest.update(copy.digest ?? '');
  const objects = copies.reduce((sum, copy) => sum + copy.objects, 0);
  console.log(
    JSON.stringify({
      environments: count,
      workers,
      objects,
      milliseconds,
      maxRssKb: process.resourceUsage().maxRSS,
      ...(digest ? { digest: fleetDigest.digest('hex') } : {}),
    }),
  );
  return 0;
}
