import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * prometheus-community's `prometheus-operator-crds` chart, pinned: chart 31.0.0 ships the CRDs of
 * prometheus-operator v0.93.0 (its Chart.yaml `appVersion`), one template per CRD, each gated by
 * `crds.<plural>.enabled` (default true).
 */
export const CHART = pinnedChart('https://prometheus-community.github.io/helm-charts', chartFacts);

/** The prometheus-operator release whose CRDs the chart installs. */
export const OPERATOR_VERSION = 'v0.93.0';
