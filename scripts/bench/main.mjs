#!/usr/bin/env node
// `pnpm bench`: times what users wait for, as separate processes (never as timed tests):
//   0. a single-library environment (Loki alone at prod's settings, scripts/bench/loki-only.ts, in a temporary
//      project), the work issue 19 compares with Tanka,
//   1. a cold `pnpm render prod` (a new process; the CLI bundle cached, as after any first run),
//   2. the first run after an edit of the environment (the project bundle rebuilt), and the same with the
//      bundle cache emptied (the very first run after an install),
//   3. `pnpm check prod` and its split into render and checks,
//   4. a synthetic fleet: prod rendered as N environments in one process, on one thread and on one per core,
//   5. `pnpm graph prod` (the environment page) and its split into render, checks, model and layout,
// each also as a multiple of the floor, an empty `node -e ''` process on the same machine in the same run.
// Prints wall time, objects per second, peak memory and each target of issue 19 with whether it is met.
// `pnpm bench --help` lists the flags.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { singleLibraryProject } from './single-library-project.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    fleet: { type: 'string', default: '50' },
    env: { type: 'string', default: 'prod' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`usage: pnpm bench [--env <env>] [--runs <n>] [--fleet <n>]

  Times separate processes of the platform CLI (never timed tests): a Loki-only environment, render, the
  first run after an edit, check, a fleet of <n> copies of the environment (\`platform bench-fleet\`, on one
  thread and on one per core), and the environment page (\`platform graph\`), each with its multiple of an
  empty node process, and prints issue 19's targets with whether each is met.

  --env <env>    environment to measure (default prod)
  --runs <n>     processes per measurement (default 7; medians are printed)
  --fleet <n>    environments of the synthetic fleet (default 50)

The CLI's commands: \`node scripts/platform.mjs --help\`.`);
  process.exit(0);
}
const runs = Number(values.runs);
const env = values.env;

function timed(command, args, extraEnv = {}, okStatuses = [0], cwd = root) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PLATFORM_REPORT_RSS: '1', ...extraEnv },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!okStatuses.includes(result.status)) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
  const rss = Number(/platform-max-rss-kb (\d+)/.exec(result.stderr)?.[1] ?? 0);
  return { ms, rssMb: rss / 1024, stdout: result.stdout };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

function row(label, samples, unit = 'ms') {
  const s = stats(samples);
  return `${label.padEnd(52)} median ${s.median.toFixed(0).padStart(6)} ${unit}   min ${s.min.toFixed(0).padStart(6)}   max ${s.max.toFixed(0).padStart(6)}`;
}

const objectCount = Number(
  /(\d+) objects in/.exec(timed('node', ['scripts/platform.mjs', 'render', env]).stdout)?.[1] ?? 0,
);
const single = singleLibraryProject();
const bin = join(root, 'packages', 'cli', 'bin', 'platform.mjs');
const singleRender = () => timed('node', [bin, 'render', single.environment], {}, [0], single.root);
const singleObjects = Number(/(\d+) objects in/.exec(singleRender().stdout)?.[1] ?? 0);
const singleRuns = Array.from({ length: runs }, singleRender);
single.remove();
const pnpmRuns = Array.from({ length: runs }, () => timed('pnpm', ['--silent', 'render', env]));
const nodeRuns = Array.from({ length: runs }, () => timed('node', ['scripts/platform.mjs', 'render', env]));
// An edit of the environment's own file (a comment appended, so the bytes change), then a render: the launcher
// rebuilds the project bundle and keeps the installed packages' one. The file is put back as it was.
const editedFile = join(root, 'environments', env, 'index.ts');
const original = readFileSync(editedFile);
const restore = () => writeFileSync(editedFile, original);
process.once('SIGINT', () => {
  restore();
  process.exit(130);
});
let edited;
try {
  edited = Array.from({ length: Math.max(3, Math.ceil(runs / 2)) }, (_, index) => {
    writeFileSync(editedFile, Buffer.concat([original, Buffer.from(`// pnpm bench: edit ${index}\n`)]));
    return timed('node', ['scripts/platform.mjs', 'render', env]);
  });
} finally {
  restore();
}
// Putting the file back is an edit too: one untimed run rebuilds for it, so the check runs below start cached.
timed('node', ['scripts/platform.mjs', 'render', env]);
const uncached = Array.from({ length: Math.max(2, Math.ceil(runs / 3)) }, () =>
  timed('node', ['scripts/platform.mjs', 'render', env], { PLATFORM_NO_CACHE: '1' }),
);
// check exits 1 when it finds errors; its timing is what matters here.
const checkRuns = Array.from({ length: Math.max(3, Math.ceil(runs / 2)) }, () =>
  timed('node', ['scripts/platform.mjs', 'check', env], {}, [0, 1]),
);
const split = checkRuns
  .map((r) => /render (\d+) ms, checks (\d+) ms/.exec(r.stdout))
  .filter(Boolean)
  .map((m) => [Number(m[1]), Number(m[2])]);
const graphRuns = Array.from({ length: Math.max(3, Math.ceil(runs / 2)) }, () =>
  timed('node', ['scripts/platform.mjs', 'graph', env]),
);
const graphSplit = graphRuns
  .map((r) => /render (\d+) ms, checks (\d+) ms, model (\d+) ms, layout and page (\d+) ms/.exec(r.stdout))
  .filter(Boolean)
  .map((m) => m.slice(1).map(Number));
const floorRuns = Array.from({ length: runs }, () => timed('node', ['-e', '']));
const fleetSize = Number(values.fleet);
const fleetRun = (workers) =>
  JSON.parse(
    timed('node', [
      'scripts/platform.mjs',
      'bench-fleet',
      env,
      '--count',
      String(fleetSize),
      '--workers',
      String(workers),
    ])
      .stdout.trim()
      .split('\n')
      .pop(),
  );
const fleets = [fleetRun(1), ...(availableParallelism() > 1 ? [fleetRun(availableParallelism())] : [])];
console.log(
  `platform benchmark — ${env}: ${objectCount} objects; ${runs} runs; node ${process.version}; ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  row(
    `node render loki-only (Loki alone, ${singleObjects} objects)`,
    singleRuns.map((r) => r.ms),
  ),
);
console.log(
  row(
    `pnpm render ${env} (new process, bundle cached)`,
    pnpmRuns.map((r) => r.ms),
  ),
);
console.log(
  row(
    `node scripts/platform.mjs render ${env} (same, no pnpm)`,
    nodeRuns.map((r) => r.ms),
  ),
);
console.log(
  row(
    `node render ${env}, first run after an edit`,
    edited.map((r) => r.ms),
  ),
);
console.log(
  row(
    `node render ${env}, no bundle cache (after an install)`,
    uncached.map((r) => r.ms),
  ),
);
console.log(
  row(
    `pnpm check ${env} (whole process)`,
    checkRuns.map((r) => r.ms),
  ),
);
if (split.length > 0) {
  console.log(
    row(
      '  of which: render in memory',
      split.map(([r]) => r),
    ),
  );
  console.log(
    row(
      '  of which: policy checks',
      split.map(([, c]) => c),
    ),
  );
}
console.log(
  row(
    `pnpm graph ${env} (whole process, page written)`,
    graphRuns.map((r) => r.ms),
  ),
);
if (graphSplit.length > 0) {
  console.log(
    row(
      '  of which: render in memory',
      graphSplit.map(([r]) => r),
    ),
  );
  console.log(
    row(
      '  of which: policy checks (findings on the page)',
      graphSplit.map(([, c]) => c),
    ),
  );
  console.log(
    row(
      '  of which: page model (library loaded)',
      graphSplit.map(([, , m]) => m),
    ),
  );
  console.log(
    row(
      '  of which: layout (ELK) and HTML',
      graphSplit.map(([, , , l]) => l),
    ),
  );
  console.log(
    row(
      '  page generation: model + layout + HTML',
      graphSplit.map(([, , m, l]) => m + l),
    ),
  );
}
console.log(
  row(
    "floor: node -e ''",
    floorRuns.map((r) => r.ms),
  ),
);
const floor = stats(floorRuns.map((r) => r.ms)).median;
const median = (samples) => stats(samples).median;
const ratio = (samples) => median(samples) / floor;
const times = (value) => `${value.toFixed(1)}×`;
console.log(
  `multiples of the floor: loki-only ${times(ratio(singleRuns.map((r) => r.ms)))}, pnpm render ${times(ratio(pnpmRuns.map((r) => r.ms)))}, node render ${times(ratio(nodeRuns.map((r) => r.ms)))}, first run after an edit ${times(ratio(edited.map((r) => r.ms)))}, no bundle cache ${times(ratio(uncached.map((r) => r.ms)))}, check ${times(ratio(checkRuns.map((r) => r.ms)))}, graph ${times(ratio(graphRuns.map((r) => r.ms)))}`,
);
console.log(
  `objects per second, cold render process: ${(objectCount / (median(pnpmRuns.map((r) => r.ms)) / 1000)).toFixed(0)}`,
);
console.log(`peak memory (max RSS) of a render process: ${stats(nodeRuns.map((r) => r.rssMb)).median.toFixed(0)} MiB`);
for (const fleet of fleets)
  console.log(
    `fleet: ${fleet.environments} environments on ${fleet.workers} thread${fleet.workers === 1 ? '' : 's'}, ${fleet.objects} objects in ${fleet.milliseconds.toFixed(0)} ms → ${(fleet.objects / (fleet.milliseconds / 1000)).toFixed(0)} objects/s, ${(fleet.milliseconds / fleet.environments).toFixed(1)} ms per environment, peak ${(fleet.maxRssKb / 1024).toFixed(0)} MiB`,
  );

// Issue 19's targets, each as measured in this run.
const cached = median(nodeRuns.map((r) => r.ms));
const bestFleet = fleets.reduce((a, b) => (b.milliseconds < a.milliseconds ? b : a));
const targets = [
  [
    "loki-only render ≤ 3.6× node -e ''",
    times(ratio(singleRuns.map((r) => r.ms))),
    ratio(singleRuns.map((r) => r.ms)) <= 3.6,
  ],
  [
    `node render ${env} ≤ 5× node -e ''`,
    times(ratio(nodeRuns.map((r) => r.ms))),
    ratio(nodeRuns.map((r) => r.ms)) <= 5,
  ],
  [
    `pnpm render ${env} < 1000 ms`,
    `${median(pnpmRuns.map((r) => r.ms)).toFixed(0)} ms`,
    median(pnpmRuns.map((r) => r.ms)) < 1000,
  ],
  [
    'first run after an edit ≤ 2× a cached run',
    times(median(edited.map((r) => r.ms)) / cached),
    median(edited.map((r) => r.ms)) <= 2 * cached,
  ],
  [
    'fleet ≤ 10 ms per environment',
    `${(bestFleet.milliseconds / bestFleet.environments).toFixed(1)} ms (${bestFleet.workers} thread${bestFleet.workers === 1 ? '' : 's'})`,
    bestFleet.milliseconds / bestFleet.environments <= 10,
  ],
  ['fleet peak RSS ≤ 300 MB', `${(bestFleet.maxRssKb / 1024).toFixed(0)} MiB`, bestFleet.maxRssKb * 1024 <= 300e6],
  [
    `check ${env} ≤ 1.2× render`,
    times(median(checkRuns.map((r) => r.ms)) / cached),
    median(checkRuns.map((r) => r.ms)) <= 1.2 * cached,
  ],
];
console.log('targets (issue 19):');
for (const [what, value, met] of targets) console.log(`  ${met ? 'met    ' : 'NOT met'}  ${what.padEnd(46)} ${value}`);
