import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned: kubernetes-sigs/descheduler tag `descheduler-helm-chart-0.36.0`,
 * `charts/descheduler/Chart.yaml` (version and appVersion 0.36.0; image `registry.k8s.io/descheduler/descheduler:v0.36.0`),
 * repository from the chart's README (`helm repo add descheduler https://kubernetes-sigs.github.io/descheduler/`).
 */
export const CHART = pinnedChart('https://kubernetes-sigs.github.io/descheduler/', chartFacts);

/** Helm release name. */
export const RELEASE_NAME = 'descheduler';

/** The image repository the chart runs (values.yaml `image.repository`; tag `v<appVersion>`). */
export const IMAGE = 'registry.k8s.io/descheduler/descheduler';

/** The descheduler's pods (chart `descheduler.selectorLabels`). */
export const POD_LABELS = { 'app.kubernetes.io/name': 'descheduler', 'app.kubernetes.io/instance': RELEASE_NAME };
