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
 * The upstream chart, pinned: external-dns chart 1.21.1 (tag `external-dns-helm-chart-1.21.1`) ships external-dns
 * v0.21.0 (`charts/external-dns/Chart.yaml` appVersion) and the DNSEndpoint CRD in `crds/`.
 */
export const CHART = {
  repoURL: 'https://kubernetes-sigs.github.io/external-dns',
  chart: CHART_NAME,
  version: CHART_VERSION,
  facts: {
    valuePaths: CHART_VALUE_PATHS,
    crds: CHART_CRDS,
    clusterKinds: CHART_CLUSTER_KINDS,
    conditionDefaults: CHART_CONDITION_DEFAULTS,
  },
} as const satisfies Chart;

/** The external-dns version chart {@link CHART} installs. */
export const APP_VERSION = 'v0.21.0';

/** Helm release name. */
export const RELEASE_NAME = 'external-dns';

/** external-dns's pod labels (`templates/_helpers.tpl:61-64`). */
export const POD_LABELS = { 'app.kubernetes.io/name': 'external-dns', 'app.kubernetes.io/instance': RELEASE_NAME };

/** Image repository the chart pulls by default (`values.yaml` `image.repository`). */
export const IMAGE_REPOSITORY = 'registry.k8s.io/external-dns/external-dns';
