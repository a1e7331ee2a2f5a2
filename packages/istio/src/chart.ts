import type { Chart } from '@platform/core';
import * as base from './base-chart-values.generated.js';
import * as istiod from './istiod-chart-values.generated.js';

/** Istio's official Helm repository and the release both charts are pinned to (chart version = Istio version). */
const ISTIO_REPO = 'https://istio-release.storage.googleapis.com/charts';
export const ISTIO_VERSION = '1.30.3';

/** Chart `base`: the CRDs and the default-revision validating webhook. */
export const BASE_CHART = {
  repoURL: ISTIO_REPO,
  chart: 'base',
  version: ISTIO_VERSION,
  facts: {
    valuePaths: base.CHART_VALUE_PATHS,
    crds: base.CHART_CRDS,
    clusterKinds: base.CHART_CLUSTER_KINDS,
    conditionDefaults: base.CHART_CONDITION_DEFAULTS,
  },
} as const satisfies Chart;
/** Chart `istiod`: the control plane. */
export const ISTIOD_CHART = {
  repoURL: ISTIO_REPO,
  chart: 'istiod',
  version: ISTIO_VERSION,
  facts: {
    valuePaths: istiod.CHART_VALUE_PATHS,
    crds: istiod.CHART_CRDS,
    clusterKinds: istiod.CHART_CLUSTER_KINDS,
    conditionDefaults: istiod.CHART_CONDITION_DEFAULTS,
  },
} as const satisfies Chart;

/** Istio's root namespace, where mesh-wide configuration lives. */
export const ISTIO_NAMESPACE = 'istio-system';

/** Registry path of Istio's release images (the released charts' `global.hub`). */
export const DEFAULT_HUB = 'docker.io/istio';

/** istiod ports (chart `templates/deployment.yaml`). */
export const ISTIOD_PORTS = {
  /** xDS and CA for proxies, mTLS. */
  xds: 15012,
  /** Validation and injection webhooks (the Service's 443 targets it). */
  webhook: 15017,
  /** Prometheus metrics. */
  monitoring: 15014,
} as const;

/** Labels of istiod's pods. */
export const ISTIOD_POD_LABELS = { app: 'istiod' };
