// Property-based test of "every mistake named, never a stack trace": environments rendered with generated wrong
// configurations (wrong types, out-of-range numbers, odd strings, deep nulls, unknown fields) for every
// component library's factory, bad overrides and bad environment settings. Every outcome must be a render or a
// PlatformError whose problems all carry a location; never another exception. A sample of failing cases goes
// through the CLI too, which must then write nothing.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyComponent, type Environment, isPlatformError } from '@platform/core';
import { testEnvironment } from '@platform/core/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as alloyLibrary from '../packages/alloy/src/index.js';
import * as argoCdLibrary from '../packages/argo-cd/src/index.js';
import * as certManagerLibrary from '../packages/cert-manager/src/index.js';
import { main } from '../packages/cli/src/main.js';
import * as externalSecretsLibrary from '../packages/external-secrets/src/index.js';
import * as grafanaLibrary from '../packages/grafana/src/index.js';
import * as istioLibrary from '../packages/istio/src/index.js';
import * as lokiLibrary from '../packages/loki/src/index.js';
import * as mimirLibrary from '../packages/mimir/src/index.js';
import * as crdsLibrary from '../packages/prometheus-operator-crds/src/index.js';
import * as tempoLibrary from '../packages/tempo/src/index.js';

type Factory = (config?: object) => AnyComponent;

interface Library {
  name: string;
  factory: Factory;
  defaults: object;
  /** A valid configuration the generated mistakes are laid over, where the defaults alone do not render. */
  base?: object;
  /** Components it needs to find its peers (the stores Grafana and Alloy read). */
  peers: () => AnyComponent[];
}

const stores = () => [mimirLibrary.mimir(), lokiLibrary.loki(), tempoLibrary.tempo({ mode: 'monolithic' })];
const LIBRARIES: Library[] = [
  { name: 'alloy', factory: alloyLibrary.alloy as Factory, defaults: alloyLibrary.alloyDefaults, peers: stores },
  { name: 'argo-cd', factory: argoCdLibrary.argoCd as Factory, defaults: argoCdLibrary.defaults, peers: () => [] },
  {
    name: 'cert-manager',
    factory: certManagerLibrary.certManager as Factory,
    defaults: certManagerLibrary.defaults,
    peers: () => [],
  },
  {
    name: 'external-secrets',
    factory: externalSecretsLibrary.externalSecrets as Factory,
    defaults: externalSecretsLibrary.defaults,
    base: { store: { server: 'https://vault.example.com:8200' } },
    peers: () => [],
  },
  {
    name: 'grafana',
    factory: grafanaLibrary.grafana as Factory,
    defaults: grafanaLibrary.grafanaDefaults,
    peers: stores,
  },
  {
    name: 'istio-base',
    factory: istioLibrary.istioBase as Factory,
    defaults: istioLibrary.baseDefaults,
    peers: () => [],
  },
  {
    name: 'istiod',
    factory: istioLibrary.istiod as Factory,
    defaults: istioLibrary.istiodDefaults,
    peers: () => [istioLibrary.istioBase()],
  },
  { name: 'loki', factory: lokiLibrary.loki as Factory, defaults: lokiLibrary.defaults, peers: () => [] },
  { name: 'mimir', factory: mimirLibrary.mimir as Factory, defaults: mimirLibrary.mimirDefaults, peers: () => [] },
  {
    name: 'prometheus-operator-crds',
    factory: crdsLibrary.prometheusOperatorCrds as Factory,
    defaults: crdsLibrary.defaults,
    peers: () => [],
  },
  {
    name: 'tempo',
    factory: tempoLibrary.tempo as Factory,
    defaults: tempoLibrary.defaults,
    base: { kafka: { address: 'kafka.kafka.svc:9092' } },
    peers: () => [],
  },
];

/** Cases per library and kind of mistake; FUZZ_RUNS raises it for a longer search. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

/** Every path into an object, leaves and inner objects alike (`ingester.replicas`, `ingester`). */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix.length > 0 ? [prefix] : [];
  const own = Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    paths(child, [...prefix, key]),
  );
  return prefix.length > 0 ? [prefix, ...own] : own;
}

/**
 * A nested partial object with `value` at `path`. Objects on the way are copied, never written into: a
 * generated value (fast-check hands out one instance of a constant) placed at one path must not grow the keys of
 * another path, or the cases would turn into loops no user wrote.
 */
function setAt(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return target;
  if (rest.length === 0) target[head] = value;
  else {
    const child = target[head];
    target[head] = setAt(
      child !== null && typeof child === 'object' && !Array.isArray(child)
        ? { ...(child as Record<string, unknown>) }
        : {},
      rest,
      value,
    );
  }
  return target;
}

/** `base` with `patch` laid over it, field by field (a null or a list in `patch` replaces). */
function over(base: object | undefined, patch: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = structuredClone((base ?? {}) as Record<string, unknown>);
  for (const [key, value] of Object.entries(patch)) {
    const current = result[key];
    result[key] =
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current !== null &&
      typeof current === 'object' &&
      !Array.isArray(current)
        ? over(current, value as Record<string, unknown>)
        : value;
  }
  return result;
}

/** Values a user should not give, of every kind the README's list of damaging inputs names. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -1,
    -0,
    1.5,
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    65536,
    -2147483649,
  ),
  fc.constantFrom(
    '',
    ' ',
    '-2Gi',
    '1.5.3',
    'UPPER_case',
    'https://Dev_Example.com//',
    'not a url',
    '../../etc',
    'a'.repeat(300),
    'ü',
    '${x}',
    '\n',
    '0',
    'null',
    '*',
  ),
  fc.integer({ min: -1000, max: 100000 }),
  fc.string({ maxLength: 12 }),
  fc.constant(null).map(() => []),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.constant(null).map(() => ({})),
  fc.dictionary(
    fc.constantFrom('name', 'replicas', 'image', 'x', 'enabled'),
    fc.oneof(fc.constant(null), fc.string({ maxLength: 4 }), fc.integer()),
    { maxKeys: 2 },
  ),
);

/** One to three bad values at paths of `defaults`, sometimes at a misspelt key. */
function badConfig(defaults: object): fc.Arbitrary<Record<string, unknown>> {
  const known = paths(defaults);
  const path = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...known), fc.constantFrom('x', 'replicass', 'Name'))
        .map(([p, key]) => [...p.slice(0, -1), key]),
    },
  );
  return fc
    .array(fc.tuple(path, badValue), { minLength: 1, maxLength: 3 })
    .map((entries) => entries.reduce((config, [p, value]) => setAt(config, p, value), {} as Record<string, unknown>));
}

const SETTINGS = {
  baseDomain: 'test.example.com',
  objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
  metricsScraperNamespaces: ['alloy'],
};

interface Outcome {
  library: string;
  kind: string;
  input: unknown;
  error?: unknown;
}

const outcomes = { rendered: 0, refused: 0, cases: 0, cliChecked: 0 };
const crashes: Outcome[] = [];
/** Located PlatformErrors that are really a library or core function throwing on the input. */
const wrapped: Outcome[] = [];

/** Renders and classifies; returns whether the outcome is acceptable (a render, or a located PlatformError). */
async function acceptable(outcome: Omit<Outcome, 'error'>, environment: () => Environment): Promise<boolean> {
  outcomes.cases++;
  try {
    await environment().render();
    outcomes.rendered++;
    return true;
  } catch (error) {
    if (
      isPlatformError(error) &&
      error.problems.length > 0 &&
      error.problems.every((p) => p.environment && (p.component || p.path || p.object))
    ) {
      // The fuzz passes no functions of its own, so a "threw" is library or core code that crashed on the
      // input; core reports it located, but it is a crash to report all the same.
      const thrown = error.problems.find((p) => / threw: /.test(p.message));
      if (thrown) wrapped.push({ ...outcome, error: new Error(`${thrown.component ?? ''}: ${thrown.message}`) });
      outcomes.refused++;
      // A sample of failures through the CLI: it must report them and write nothing.
      if (outcomes.refused % 7 === 1) await cliWritesNothing(environment);
      return true;
    }
    crashes.push({ ...outcome, error });
    return false;
  }
}

async function cliWritesNothing(environment: () => Environment): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'platform-fuzz-'));
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    const env = environment();
    const code = await main({
      root,
      known: [env.name],
      argv: ['render', env.name],
      load: async () => ({ default: env }),
    });
    expect(code).toBe(1);
    expect(existsSync(join(root, 'rendered', env.name))).toBe(false);
    outcomes.cliChecked++;
  } finally {
    errors.mockRestore();
    logs.mockRestore();
  }
}

function describeCrash(crash: Outcome): string {
  const error = crash.error as Error;
  return `${crash.library} (${crash.kind}) with ${JSON.stringify(crash.input, (_, v) => (v === undefined ? '<undefined>' : Number.isNaN(v) ? '<NaN>' : v))}: ${error?.name}: ${error?.message}\n${error?.stack?.split('\n').slice(1, 4).join('\n')}`;
}

describe.each(LIBRARIES)('fuzzing $name', (library) => {
  const environment = (components: AnyComponent[], settings: object = SETTINGS) =>
    testEnvironment(
      [...components, certManagerLibrary.certManager(), ...library.peers()].filter(
        (c, i, all) => all.findIndex((o) => o.name === c.name) === i,
      ),
      {
        name: 'fz',
        settings: settings as never,
      },
    );

  it('a wrong configuration renders or is a located PlatformError', async () => {
    await fc.assert(
      fc.asyncProperty(badConfig(library.defaults), async (config) =>
        acceptable({ library: library.name, kind: 'configuration', input: config }, () =>
          environment([library.factory(over(library.base, config))]),
        ),
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);

  it('a bad override renders or is a located PlatformError', async () => {
    const valid = () => library.factory(library.base ?? {});
    const rendered = await environment([valid()]).render();
    const keys = rendered.objects.filter((o) => o.component === library.name).map((o) => o.key);
    const override = fc.record({
      key: fc.oneof(fc.constantFrom(...keys), fc.constant('no_such_object')),
      patch: fc.oneof(
        fc.constant(null),
        badValue.map((value) => ({ spec: value })),
        badValue.map((value) => ({ metadata: { name: value } })),
        badValue.map((value) => ({ spec: { template: { spec: { containers: [{ name: 'nope', image: value }] } } } })),
        badValue.map((value) => ({ spec: { replicas: value } })),
      ),
    });
    await fc.assert(
      fc.asyncProperty(override, async ({ key, patch }) =>
        acceptable({ library: library.name, kind: 'override', input: { [key]: patch } }, () =>
          environment([valid().override({ [key]: patch } as never)]),
        ),
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);

  it('bad environment settings render or are a located PlatformError', async () => {
    await fc.assert(
      fc.asyncProperty(badConfig(SETTINGS), async (settings) => {
        const merged = structuredClone(SETTINGS) as Record<string, unknown>;
        for (const path of paths(settings)) {
          const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], settings);
          if (value === null || typeof value !== 'object' || Array.isArray(value)) setAt(merged, path, value);
        }
        return acceptable({ library: library.name, kind: 'settings', input: settings }, () =>
          environment([library.factory(library.base ?? {})], merged),
        );
      }),
      { numRuns: Math.max(2, Math.ceil(RUNS / 2)), endOnFailure: true },
    );
  }, 600_000);
});

afterAll(() => {
  console.log(
    `fuzz: ${outcomes.cases} cases (${outcomes.rendered} rendered, ${outcomes.refused} refused with located problems, ${crashes.length} crashed, ${wrapped.length} of the refusals a library or core function throwing; ${outcomes.cliChecked} failures also run through the CLI, which wrote nothing)`,
  );
  for (const crash of crashes) console.log(`CRASH ${describeCrash(crash)}`);
  const seen = new Set<string>();
  for (const crash of wrapped) {
    const message = (crash.error as Error).message.replace(/\(at [^)]*\)/, '');
    if (seen.has(message)) continue;
    seen.add(message);
    console.log(`THREW ${describeCrash(crash)}`);
  }
});
