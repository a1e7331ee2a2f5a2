import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/** The upstream chart, pinned (kedacore/charts tag `v2.20.2`, `keda/Chart.yaml`: version and appVersion 2.20.2). */
export const CHART = pinnedChart('https://kedacore.github.io/charts', chartFacts);

/** Helm release name. */
export const RELEASE_NAME = 'keda';

/** Registry every KEDA image comes from (values.yaml `image.*.registry`). */
export const IMAGE_REGISTRY = 'ghcr.io';

/** The pods of each part, by the `app.kubernetes.io/name` label the chart sets (`operator.name` keda-operator). */
export const POD_NAME_LABEL = 'app.kubernetes.io/name';
export const POD_NAMES = {
  operator: 'keda-operator',
  metricsServer: 'keda-operator-metrics-apiserver',
  webhooks: 'keda-admission-webhooks',
} as const;

/** The aggregated API the metrics server serves, which the API server calls on `METRICS_SERVER_PORT`. */
export const METRICS_API_SERVICE = 'v1beta1.external.metrics.k8s.io';
/** Container port of the metrics server's HTTPS API (values.yaml `service.portHttpsTarget`). */
export const METRICS_SERVER_PORT = 6443;
/** Container port of the admission webhook (templates/webhooks/deployment.yaml, `webhooks.port` default 9443). */
export const WEBHOOK_PORT = 9443;
/** Name of the chart's ValidatingWebhookConfiguration. */
export const WEBHOOK_CONFIGURATION = 'keda-admission';
