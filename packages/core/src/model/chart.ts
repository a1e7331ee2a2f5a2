import type { GroupKind } from './definition.js';

/** A CRD that a chart installs, as `scripts/chart-values/derive.ts` reads it from the pinned chart. */
export interface ChartCrd extends GroupKind {
  /** Resource name in URLs, e.g. `certificates`. */
  plural: string;
  scope: 'Namespaced' | 'Cluster';
  /**
   * The chart's condition for installing the CRD, as its template writes it without `.Values.`
   * (`or crds.enabled installCRDs`); absent when always installed. See `chartCondition`.
   */
  when?: string;
}

/**
 * What a pinned chart version holds, generated from the upstream chart by `scripts/chart-values/derive.ts`
 * (never written by hand): the values it reads, the CRDs it installs and the cluster-scoped kinds it creates.
 */
export interface ChartFacts {
  /** Every values path the chart reads, sorted; `a.*` is an open map, `a[]` a list accepting anything. */
  valuePaths: readonly string[];
  crds: readonly ChartCrd[];
  /** Cluster-scoped kinds the chart's templates can create. */
  clusterKinds: readonly GroupKind[];
  /** The chart's default values of the paths its CRD conditions read, by path. */
  conditionDefaults?: Readonly<Record<string, unknown>>;
}

/** An upstream Helm chart, pinned. */
export interface Chart {
  /** Chart repository URL (`https://...` or `oci://...`). */
  repoURL: string;
  /** Chart name in the repository. */
  chart: string;
  /** Exact chart version: never a range, so a render is reproducible. */
  version: string;
  /** Facts of this chart version, for `pnpm check` (values paths) and the delivery checks (CRDs, cluster kinds). */
  facts?: ChartFacts;
}

/** A pinned chart installed by the delivery engine with typed values. */
export interface ChartInstall<V extends object = Record<string, unknown>> extends Chart {
  /** Helm release name. Default: the component name. */
  releaseName?: string;
  /** Values passed to the chart. */
  values: V;
  /**
   * The pods the chart's workloads start at the first sync, each in the Argo CD sync wave the values put it in,
   * as the package knows them from the pinned chart's templates (the chart renders in the cluster, so the plan
   * cannot count them itself). `pnpm plan` shows them and `delivery.first-sync-share` checks them like rendered
   * workloads. Default: none declared (the plan lists the component as not counted).
   */
  firstSync?: readonly ChartWorkload[];
}

/** A workload of a chart and the pods it starts at the first sync. */
export interface ChartWorkload {
  /** `Deployment/oneuptime-app`: the kind and name the chart gives it with the component's values. */
  workload: string;
  /** Pods it starts at the first sync (replicas, or an autoscaler's minimum). */
  pods: number;
  /** The Argo CD sync wave its object carries (`argocd.argoproj.io/sync-wave`), 0 when the chart sets none. */
  wave: number;
}

/** The facts `scripts/chart-values/derive.ts` generates for a chart version (a `chart-values.generated.ts` module). */
export interface GeneratedChartFacts {
  CHART_NAME: string;
  CHART_VERSION: string;
  CHART_VALUE_PATHS: readonly string[];
  CHART_CRDS: readonly ChartCrd[];
  CHART_CLUSTER_KINDS: readonly GroupKind[];
  CHART_CONDITION_DEFAULTS?: Readonly<Record<string, unknown>>;
}

/**
 * A chart pinned to the version its generated facts were derived from, with those facts:
 * `pinnedChart('https://charts.jetstack.io', facts)` with
 * `import * as facts from './chart-values.generated.js'`. Name and version come from the facts, so the chart
 * that is installed is always the one `pnpm check` knows.
 */
export function pinnedChart(repoURL: string, facts: GeneratedChartFacts): Chart & { facts: ChartFacts } {
  return {
    repoURL,
    chart: facts.CHART_NAME,
    version: facts.CHART_VERSION,
    facts: {
      valuePaths: facts.CHART_VALUE_PATHS,
      crds: facts.CHART_CRDS,
      clusterKinds: facts.CHART_CLUSTER_KINDS,
      ...(facts.CHART_CONDITION_DEFAULTS ? { conditionDefaults: facts.CHART_CONDITION_DEFAULTS } : {}),
    },
  };
}
