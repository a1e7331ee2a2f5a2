import type { Chart } from '@platform/core';
import {
  CHART_CLUSTER_KINDS,
  CHART_CONDITION_DEFAULTS,
  CHART_CRDS,
  CHART_NAME,
  CHART_VALUE_PATHS,
  CHART_VERSION,
} from './chart-values.generated.js';

/**
 * prometheus-community's `prometheus-operator-crds` chart, pinned: chart 31.0.0 ships the CRDs of
 * prometheus-operator v0.93.0 (its Chart.yaml `appVersion`), one template per CRD, each gated by
 * `crds.<plural>.enabled` (default true).
 */
export const CHART = {
  repoURL: 'https://prometheus-community.github.io/helm-charts',
  chart: CHART_NAME,
  version: CHART_VERSION,
  facts: {
    valuePaths: CHART_VALUE_PATHS,
    crds: CHART_CRDS,
    clusterKinds: CHART_CLUSTER_KINDS,
    conditionDefaults: CHART_CONDITION_DEFAULTS,
  },
} as const satisfies Chart;

/** The prometheus-operator release whose CRDs the chart installs. */
export const OPERATOR_VERSION = 'v0.93.0';
