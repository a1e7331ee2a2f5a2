/**
 * Regenerates one chart's facts module from a git copy of its upstream repository, at the version the package
 * pins (its src/chart.ts):
 *
 *   tsx scripts/chart-values/refresh.ts <chart> --git <upstream git dir> [--git <dependency>=<git dir> ...]
 *
 * It unpacks the chart at the release tag into a temporary directory (`git archive`), redoes what the
 * upstream release packaging adds to the chart (see {@link Source.prepare}), and runs derive.ts on it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CHART as ARGO_CD_CHART } from '../../packages/argo-cd/src/chart.js';
import { CHART as CERT_MANAGER_CHART } from '../../packages/cert-manager/src/chart.js';
import {
  CONTROLLER_CHART as ARC_CONTROLLER_CHART,
  SCALE_SET_CHART as ARC_SCALE_SET_CHART,
} from '../../packages/ci-runners/src/chart.js';
import { CHART as EXTERNAL_SECRETS_CHART } from '../../packages/external-secrets/src/chart.js';
import { BASE_CHART, ISTIOD_CHART } from '../../packages/istio/src/chart.js';
import { CHART as METRICS_SERVER_CHART } from '../../packages/metrics-server/src/chart.js';
import { CHART as ONEUPTIME_CHART } from '../../packages/oneuptime/src/chart.js';
import { chartFacts, deriveChart } from './derive.js';
import { generatedModule } from './generated-module.js';
import { parseYaml } from './yaml.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where a chart's source lives upstream, and where its facts module goes. */
interface Source {
  /** GitHub repository, for the error message when `--git` is missing. */
  repository: string;
  version: string;
  tag: (version: string) => string;
  path: string;
  out: string;
  /**
   * The source Chart.yaml carries a placeholder version that the release tooling replaces (cert-manager:
   * v0.0.0, Istio: 1.0.0): name the pinned version instead of checking it.
   */
  placeholderVersion?: boolean;
  /** Dependencies not vendored in the chart's git tree: where their source is (tag from the chart's Chart.yaml). */
  dependencies?: Record<string, { repository: string; tag: (version: string) => string; path: string }>;
  /** What the upstream packaging adds to the unpacked chart before `helm package`. */
  prepare?: (chartDir: string, show: (path: string) => string) => void;
}

/**
 * External Secrets packages its CRDs into templates/crds/ at release time (hack/helm.generate.sh): each CRD of
 * deploy/crds/bundle.yaml becomes a template gated by `installCRDs`, and by `crds.create<Kind>` for cluster-scoped
 * and PushSecret kinds. Only the gating matters here, so the rest of that script's edits are left out.
 */
export function externalSecretsCrds(chartDir: string, show: (path: string) => string): void {
  const bundle = show('deploy/crds/bundle.yaml');
  const dir = join(chartDir, 'templates', 'crds');
  mkdirSync(dir, { recursive: true });
  for (const document of bundle.split(/^---[^\n]*\n/m)) {
    const crd = parseYaml(document) as { spec?: { names?: { kind?: string; singular?: string } } } | null;
    const kind = crd?.spec?.names?.kind;
    const singular = crd?.spec?.names?.singular;
    if (!kind || !singular) continue;
    const gate =
      kind.includes('Cluster') || kind.includes('PushSecret')
        ? `and (.Values.installCRDs) (.Values.crds.create${kind})`
        : '.Values.installCRDs';
    writeFileSync(join(dir, `${singular}.yaml`), `{{- if ${gate} }}\n${document.trimEnd()}\n{{- end }}\n`);
  }
}

/** The charts whose facts this repository keeps, by the name the command takes. */
export const SOURCES: Record<string, Source> = {
  'argo-cd': {
    repository: 'argoproj/argo-helm',
    version: ARGO_CD_CHART.version,
    tag: (v) => `argo-cd-${v}`,
    path: 'charts/argo-cd',
    out: 'packages/argo-cd/src/chart-values.generated.ts',
    dependencies: {
      'redis-ha': { repository: 'DandyDeveloper/charts', tag: (v) => `redis-ha-${v}`, path: 'charts/redis-ha' },
    },
  },
  'cert-manager': {
    repository: 'cert-manager/cert-manager',
    version: CERT_MANAGER_CHART.version,
    tag: (v) => v,
    path: 'deploy/charts/cert-manager',
    out: 'packages/cert-manager/src/chart-values.generated.ts',
    placeholderVersion: true,
  },
  'istio-base': {
    repository: 'istio/istio',
    version: BASE_CHART.version,
    tag: (v) => v,
    path: 'manifests/charts/base',
    out: 'packages/istio/src/base-chart-values.generated.ts',
    placeholderVersion: true,
  },
  istiod: {
    repository: 'istio/istio',
    version: ISTIOD_CHART.version,
    tag: (v) => v,
    path: 'manifests/charts/istio-control/istio-discovery',
    out: 'packages/istio/src/istiod-chart-values.generated.ts',
    placeholderVersion: true,
  },
  'external-secrets': {
    repository: 'external-secrets/external-secrets',
    version: EXTERNAL_SECRETS_CHART.version,
    // The chart release tag; the app's v<version> tag carries the previous chart version in Chart.yaml.
    tag: (v) => `helm-chart-${v}`,
    path: 'deploy/charts/external-secrets',
    out: 'packages/external-secrets/src/chart-values.generated.ts',
    prepare: externalSecretsCrds,
  },
  oneuptime: {
    repository: 'OneUptime/oneuptime',
    version: ONEUPTIME_CHART.version,
    tag: (v) => v,
    path: 'HelmChart/Public/oneuptime',
    out: 'packages/oneuptime/src/chart-values.generated.ts',
    // Chart.yaml says 0.1.0; the release workflow packages it with the repository's VERSION (release.yml:189).
    placeholderVersion: true,
  },
  'gha-runner-scale-set-controller': {
    repository: 'actions/actions-runner-controller',
    version: ARC_CONTROLLER_CHART.version,
    tag: (v) => `gha-runner-scale-set-${v}`,
    path: 'charts/gha-runner-scale-set-controller',
    out: 'packages/ci-runners/src/controller-chart-values.generated.ts',
  },
  'gha-runner-scale-set': {
    repository: 'actions/actions-runner-controller',
    version: ARC_SCALE_SET_CHART.version,
    tag: (v) => `gha-runner-scale-set-${v}`,
    path: 'charts/gha-runner-scale-set',
    out: 'packages/ci-runners/src/scale-set-chart-values.generated.ts',
  },
  'metrics-server': {
    repository: 'kubernetes-sigs/metrics-server',
    version: METRICS_SERVER_CHART.version,
    // The chart release tag; the app's v<version> tags carry the app only.
    tag: (v) => `metrics-server-helm-chart-${v}`,
    path: 'charts/metrics-server',
    out: 'packages/metrics-server/src/chart-values.generated.ts',
  },
  'prometheus-operator-crds': {
    repository: 'prometheus-community/helm-charts',
    // No package pins this chart yet: 31.0.0 is the release whose CRDs are prometheus-operator v0.93.0.
    version: '31.0.0',
    tag: (v) => `prometheus-operator-crds-${v}`,
    path: 'charts/prometheus-operator-crds',
    out: 'packages/prometheus-operator-crds/src/chart-values.generated.ts',
  },
};

function unpack(gitDir: string, tag: string, path: string, into: string): string {
  const archive = execFileSync('git', ['-C', gitDir, 'archive', '--format=tar', tag, path], { maxBuffer: 1 << 30 });
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-x', '-C', into], { input: archive });
  return join(into, path);
}

/** Unpacks, prepares and derives one chart; returns the written file and a one-line summary. */
export function refresh(name: string, gitDirs: ReadonlyMap<string, string>): string {
  const source = SOURCES[name];
  if (!source) throw new Error(`unknown chart ${name}; known: ${Object.keys(SOURCES).join(', ')}`);
  const gitDir = gitDirs.get('');
  if (!gitDir) throw new Error(`${name}: --git <dir> is required (a clone of https://github.com/${source.repository})`);
  const work = mkdtempSync(join(tmpdir(), `chart-${name}-`));
  try {
    const tag = source.tag(source.version);
    const chartDir = unpack(gitDir, tag, source.path, join(work, 'chart'));
    source.prepare?.(chartDir, (path) =>
      execFileSync('git', ['-C', gitDir, 'show', `${tag}:${path}`], { encoding: 'utf8', maxBuffer: 1 << 30 }),
    );
    const chart = parseYaml(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as {
      version?: string;
      dependencies?: { name: string; version: string }[];
    };
    if (!source.placeholderVersion && String(chart.version) !== source.version) {
      throw new Error(`${name}: ${tag} holds chart version ${chart.version}, expected ${source.version}`);
    }
    const dependencies = new Map<string, string>();
    for (const [dependency, where] of Object.entries(source.dependencies ?? {})) {
      const declared = chart.dependencies?.find((d) => d.name === dependency);
      if (!declared) throw new Error(`${name}: Chart.yaml no longer declares ${dependency}`);
      const dependencyGit = gitDirs.get(dependency);
      if (!dependencyGit) {
        throw new Error(
          `${name}: --git ${dependency}=<dir> is required (a clone of https://github.com/${where.repository})`,
        );
      }
      dependencies.set(
        dependency,
        unpack(dependencyGit, where.tag(declared.version), where.path, join(work, dependency)),
      );
    }
    const facts = chartFacts(deriveChart(chartDir, { dependencies, version: source.version }));
    const out = resolve(root, source.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, generatedModule(facts));
    return `${source.out}: ${facts.name}@${facts.version} (${tag}), ${facts.valuePaths.length} value paths, ${facts.crds.length} CRDs, ${facts.clusterKinds.length} cluster-scoped kinds${facts.notes.map((n) => `\n  ${n}`).join('')}`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { git: { type: 'string', multiple: true } },
  });
  if (positionals.length !== 1) {
    throw new Error(`usage: refresh.ts <${Object.keys(SOURCES).join('|')}> --git <dir> [--git <dependency>=<dir>]`);
  }
  const gitDirs = new Map<string, string>();
  for (const entry of values.git ?? []) {
    const at = entry.indexOf('=');
    if (at > 0) gitDirs.set(entry.slice(0, at), resolve(entry.slice(at + 1)));
    else gitDirs.set('', resolve(entry));
  }
  console.log(refresh(positionals[0]!, gitDirs));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
