import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned. trust-manager publishes every release to the Jetstack Helm repository with the
 * release tag as chart version (`v0.24.0`, with the `v`); its source Chart.yaml carries a placeholder version.
 */
export const CHART = pinnedChart('https://charts.jetstack.io', chartFacts);

/** Helm release name; the chart names its objects after the chart (`trust-manager`), not the release. */
export const RELEASE_NAME = 'trust-manager';
/** Name of the chart's Deployment, Services, webhook configuration and webhook Certificate (`trust-manager.name`). */
export const APP_NAME = 'trust-manager';
/** The label the chart selects its pods by (`app: trust-manager`). */
export const POD_LABELS = { app: APP_NAME } as const;
/** Port the webhook container listens on (`app.webhook.port`, default 6443); the Service exposes it on 443. */
export const WEBHOOK_PORT = 6443;
/** Port of the metrics endpoint (`app.metrics.port`, default 9402), Service `trust-manager-metrics`. */
export const METRICS_PORT = 9402;
/** Registry the chart pulls from by default (`imageRegistry`). */
export const DEFAULT_IMAGE_REGISTRY = 'quay.io';
