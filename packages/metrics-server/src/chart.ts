import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned: kubernetes-sigs/metrics-server tag `metrics-server-helm-chart-3.13.1`,
 * `charts/metrics-server/Chart.yaml` (version 3.13.1, appVersion 0.8.1; image
 * `registry.k8s.io/metrics-server/metrics-server:v0.8.1`), repository from the chart's README
 * (`helm repo add metrics-server https://kubernetes-sigs.github.io/metrics-server/`).
 */
export const CHART = pinnedChart('https://kubernetes-sigs.github.io/metrics-server/', chartFacts);

/** The metrics-server release the chart runs (Chart.yaml `appVersion`). */
export const APP_VERSION = '0.8.1';

/** Helm release name. */
export const RELEASE_NAME = 'metrics-server';

/** The image repository the chart runs (values.yaml `image.repository`; tag `v<appVersion>`). */
export const IMAGE = 'registry.k8s.io/metrics-server/metrics-server';

/** The pods (chart `metrics-server.selectorLabels`: name and instance). */
export const POD_LABELS = { 'app.kubernetes.io/name': 'metrics-server', 'app.kubernetes.io/instance': RELEASE_NAME };

/**
 * The container's HTTPS port (values.yaml `containerPort`, passed as `--secure-port`): the API server calls the
 * resource metrics API here, through the chart's Service (port 443, `targetPort: https`).
 */
export const CONTAINER_PORT = 10250;

/** Port every kubelet serves its API on, `/metrics/resource` included, which metrics-server scrapes. */
export const KUBELET_PORT = 10250;

/** The APIService the chart registers (templates/apiservice.yaml, `apiService.create`). */
export const METRICS_API_SERVICE = 'v1beta1.metrics.k8s.io';
