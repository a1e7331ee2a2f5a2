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
}
