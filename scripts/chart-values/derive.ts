/**
 * Derives a chart's value paths, CRDs and cluster-scoped kinds from its unpacked directory and writes them as a
 * TypeScript module:
 *
 *   tsx scripts/chart-values/derive.ts --chart <dir> [--dependency <name>=<dir> ...] [--version <v>] --out <file>
 *
 * `--version` names the released version when the chart's source Chart.yaml carries a placeholder (cert-manager
 * and Istio set it at release time). Dependencies vendored under the chart's `charts/` are read without being named.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatValuePath } from '@platform/core';
import { type ClusterKind, chartObjects, type FoundCrd, joinConditions, rewriteCondition } from './chart-objects.js';
import { type ChartFacts, generatedModule } from './generated-module.js';
import { schemaPaths } from './schema-paths.js';
import { yamlDocuments } from './template-documents.js';
import { type ChartFile, scanTemplates } from './template-scan.js';
import { valuesYamlPaths } from './values-yaml-paths.js';
import { parseYaml } from './yaml.js';

interface ChartYaml {
  name?: string;
  version?: string;
  dependencies?: { name: string; alias?: string; condition?: string; tags?: string[] }[];
}

/** What one chart (with its dependencies) yields, before it is written. */
export interface DerivedChart {
  name: string;
  version: string;
  paths: string[][];
  crds: FoundCrd[];
  clusterKinds: ClusterKind[];
  notes: string[];
  /** The chart's default values (values.yaml, dependencies' under their alias), for the CRD conditions' defaults. */
  values: unknown;
}

function filesUnder(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path, base) : [relative(base, path)];
    });
}

function scalarPaths(value: unknown, at: string[] = []): string[][] {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return [at];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => scalarPaths(child, [...at, key]));
}

function readOptional(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * Reads an unpacked chart. `dependencies` maps a dependency's name to its unpacked directory; a declared
 * dependency found in neither `dependencies` nor `charts/<name>` is taken as an open map under its alias, so its
 * values are never reported, and a note says so.
 */
export function deriveChart(
  chartDir: string,
  options: { dependencies?: ReadonlyMap<string, string>; version?: string; prefix?: readonly string[] } = {},
): DerivedChart {
  const chart = (parseYaml(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) ?? {}) as ChartYaml;
  const name = chart.name ?? 'unknown';
  const version = options.version ?? String(chart.version ?? '0.0.0');
  const prefix = options.prefix ?? [];
  const notes: string[] = [];

  const templates: ChartFile[] = filesUnder(join(chartDir, 'templates')).map((path) => ({
    path: join('templates', path),
    text: readFileSync(join(chartDir, 'templates', path), 'utf8'),
  }));
  const readChartFile = (path: string) => readOptional(join(chartDir, path));
  // Files the templates pull in with `.Files.Get` may themselves be templates rendered with the same values
  // later (Istio's injection templates, rendered by istiod): their `.Values` references count too.
  const referenced = [
    ...new Set(templates.flatMap((t) => [...t.text.matchAll(/\.Files\.Get\s+"([^"]+)"/g)].map((m) => m[1]!))),
  ].sort();
  const extra: ChartFile[] = referenced.flatMap((path) => {
    const text = readChartFile(path);
    return text?.includes('.Values') ? [{ path, text }] : [];
  });
  // Helm shares named templates between a chart and its dependencies: a parent template may include a define of
  // a dependency (Linkerd's `partials.resources`), so the dependencies' helpers are read with the parent's too.
  const sharedHelpers: ChartFile[] = (chart.dependencies ?? []).flatMap((dependency) => {
    const dir =
      options.dependencies?.get(dependency.name) ??
      (existsSync(join(chartDir, 'charts', dependency.name, 'Chart.yaml'))
        ? join(chartDir, 'charts', dependency.name)
        : undefined);
    if (!dir) return [];
    return filesUnder(join(dir, 'templates'))
      .filter((path) => path.split('/').pop()!.startsWith('_'))
      .map((path) => ({
        path: `${dependency.name}:templates/${path}`,
        text: readFileSync(join(dir, 'templates', path), 'utf8'),
      }));
  });
  const scan = scanTemplates(templates, readChartFile, extra, sharedHelpers);

  let values = parseYaml(readOptional(join(chartDir, 'values.yaml')) ?? '') ?? {};
  // Keys the templates `unset` (Istio's `_internal_defaults_do_not_set`) hold defaults merged under the user's
  // values: their children are top-level settings and the key itself is not one.
  const hoisted = new Set(scan.unsetKeys);
  if (typeof values === 'object' && values !== null && !Array.isArray(values)) {
    const record = { ...(values as Record<string, unknown>) };
    for (const key of hoisted) {
      const inner = record[key];
      delete record[key];
      if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
        Object.assign(record, { ...inner, ...record });
      }
    }
    values = record;
  }
  const schemaText = readOptional(join(chartDir, 'values.schema.json'));
  const fromValues = valuesYamlPaths(values);
  // A template that passes a setting on whole opens it, unless values.yaml makes it a number, boolean or string:
  // then it is a scalar handed on inside a map (Istio's `$whv`), and keys below it are typos.
  const scalars = new Set(scalarPaths(values).map(formatValuePath));
  // An opened list (a `range` over it) stays a list: a map in its place would be a mistake too.
  const lists = new Set(fromValues.filter((p) => p[p.length - 1] === '[]').map((p) => formatValuePath(p.slice(0, -1))));
  const fromTemplates = scan.refs.map((ref) => {
    const at = formatValuePath(ref.path);
    if (!ref.open || scalars.has(at)) return ref.path;
    return [...ref.path, lists.has(at) ? '[]' : '*'];
  });
  const paths: string[][] = [
    ...fromValues,
    ...(schemaText ? schemaPaths(JSON.parse(schemaText)) : []),
    ...fromTemplates,
  ].filter((path) => path.length > 0 && !hoisted.has(path[0]!));

  const documents = [...scan.documents];
  for (const path of filesUnder(join(chartDir, 'crds'))) {
    if (/\.ya?ml$/.test(path)) {
      documents.push(...yamlDocuments(join('crds', path), readFileSync(join(chartDir, 'crds', path), 'utf8')));
    }
  }
  const objects = chartObjects(documents, prefix);
  const crds = [...objects.crds];
  const clusterKinds = [...objects.clusterKinds];

  for (const dependency of chart.dependencies ?? []) {
    const alias = dependency.alias ?? dependency.name;
    const condition =
      dependency.condition
        ?.split(',')
        .map((c) => c.trim())
        .filter((c) => c !== '') ?? [];
    for (const path of condition) paths.push(path.split('.'));
    for (const tag of dependency.tags ?? []) paths.push(['tags', tag]);
    const dir =
      options.dependencies?.get(dependency.name) ??
      (existsSync(join(chartDir, 'charts', dependency.name, 'Chart.yaml'))
        ? join(chartDir, 'charts', dependency.name)
        : undefined);
    if (!dir) {
      paths.push([alias, '*']);
      notes.push(
        `dependency ${dependency.name} was not read: every value under ${formatValuePath([alias])} is accepted, its CRDs and kinds are not listed`,
      );
      continue;
    }
    const sub = deriveChart(dir, { dependencies: options.dependencies, prefix: [...prefix, alias] });
    notes.push(`dependency ${sub.name}@${sub.version} as ${formatValuePath([alias])}`, ...sub.notes);
    if (typeof values === 'object' && values !== null && !Array.isArray(values)) {
      const own = (values as Record<string, unknown>)[alias];
      (values as Record<string, unknown>)[alias] = {
        ...(sub.values as object),
        ...(typeof own === 'object' && own !== null ? own : {}),
      };
    }
    for (const path of sub.paths) {
      paths.push([alias, ...path]);
      // Globals are shared: the parent's `global` reaches every dependency.
      if (path[0] === 'global') paths.push(path);
    }
    const gate = condition.length > 0 ? [rewriteCondition(condition.map((c) => `.Values.${c}`).join(' '), prefix)] : [];
    for (const crd of sub.crds) {
      const seen = crds.find((c) => c.group === crd.group && c.kind === crd.kind);
      if (!seen) crds.push({ ...crd, conditions: [...gate, ...crd.conditions] });
    }
    for (const kind of sub.clusterKinds) {
      if (!clusterKinds.some((k) => k.group === kind.group && k.kind === kind.kind)) clusterKinds.push(kind);
    }
  }
  return { name, version, paths, crds, clusterKinds, notes, values };
}

/**
 * The sorted, minimal path list: duplicates, paths below an open map (`a.*`) or a list (`a[]`), and map paths
 * whose children are listed (a listed child makes its parents known) dropped.
 */
export function valuePathList(paths: readonly string[][]): string[] {
  const unique = new Map(paths.map((path) => [formatValuePath(path), path]));
  const covered = (formatted: string, path: string[]) => {
    for (let i = 1; i < path.length; i++) {
      const above = path.slice(0, i);
      const open = formatValuePath([...above, '*']);
      if (open !== formatted && unique.has(open)) return true;
      if (above[above.length - 1] === '[]' && unique.has(formatValuePath(above))) return true;
    }
    return false;
  };
  const kept = [...unique].filter(([formatted, path]) => !covered(formatted, path));
  const ancestors = new Set<string>();
  for (const [, path] of kept) for (let i = 1; i < path.length; i++) ancestors.add(formatValuePath(path.slice(0, i)));
  return kept
    .filter(([formatted, path]) => {
      const last = path[path.length - 1];
      return last === '*' || last === '[]' || !ancestors.has(formatted);
    })
    .map(([formatted]) => formatted)
    .sort();
}

/** The generated module's facts for a derived chart. */
export function chartFacts(derived: DerivedChart): ChartFacts {
  return {
    name: derived.name,
    version: derived.version,
    valuePaths: valuePathList(derived.paths),
    crds: derived.crds
      .map((crd) => ({
        group: crd.group,
        kind: crd.kind,
        plural: crd.plural,
        scope: crd.scope,
        when: joinConditions(crd.conditions),
      }))
      .sort((a, b) => a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind)),
    clusterKinds: [...derived.clusterKinds].sort(
      (a, b) => a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind),
    ),
    notes: derived.notes,
    conditionDefaults: conditionDefaults(derived),
  };
}

/** The value at a dotted path of the chart's default values. */
function defaultAt(values: unknown, path: string): unknown {
  let current = values;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The defaults of every value path the CRDs' conditions read (scalars only: what a condition tests). */
function conditionDefaults(derived: DerivedChart): Record<string, string | number | boolean | null> {
  const result: Record<string, string | number | boolean | null> = {};
  for (const crd of derived.crds) {
    for (const token of joinConditions(crd.conditions)?.match(/[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*/g) ?? []) {
      if (['or', 'and', 'not', 'eq', 'ne', 'true', 'false'].includes(token)) continue;
      const value = defaultAt(derived.values, token);
      if (value === undefined || (typeof value === 'object' && value !== null)) continue;
      result[token] = value as string | number | boolean | null;
    }
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      chart: { type: 'string' },
      dependency: { type: 'string', multiple: true },
      version: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.chart || !values.out) {
    throw new Error('usage: derive.ts --chart <dir> [--dependency <name>=<dir> ...] [--version <v>] --out <file>');
  }
  const dependencies = new Map<string, string>();
  for (const entry of values.dependency ?? []) {
    const at = entry.indexOf('=');
    if (at <= 0) throw new Error(`--dependency ${entry}: expected <name>=<dir>`);
    dependencies.set(entry.slice(0, at), resolve(entry.slice(at + 1)));
  }
  const derived = deriveChart(resolve(values.chart), { dependencies, version: values.version });
  const declared = new Set(
    ((parseYaml(readFileSync(join(values.chart, 'Chart.yaml'), 'utf8')) ?? {}) as ChartYaml).dependencies?.map(
      (d) => d.name,
    ),
  );
  for (const name of dependencies.keys()) {
    if (!declared.has(name)) throw new Error(`--dependency ${name}: the chart declares no such dependency`);
  }
  const facts = chartFacts(derived);
  writeFileSync(values.out, generatedModule(facts));
  console.log(
    `${values.out}: ${facts.name}@${facts.version}, ${facts.valuePaths.length} value paths, ${facts.crds.length} CRDs, ${facts.clusterKinds.length} cluster-scoped kinds`,
  );
  for (const note of facts.notes) console.log(`  ${note}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
