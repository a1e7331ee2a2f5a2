import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart this package installs, pinned. cert-manager publishes every release to the Jetstack Helm
 * repository with the release tag as chart version (`v1.21.1`, with the `v`).
 */
export const CHART = pinnedChart('https://charts.jetstack.io', chartFacts);

/** Helm release name. Fixed, because the chart names its objects after it (`cert-manager-webhook` ...). */
export const RELEASE_NAME = 'cert-manager';

/** Port the webhook pods serve admission requests on (chart value `webhook.securePort`, default 10250). */
export const WEBHOOK_PORT = 10250;

/** Name of the chart's Validating- and MutatingWebhookConfiguration (`<release>-webhook`). */
export const WEBHOOK_CONFIGURATION = `${RELEASE_NAME}-webhook`;

/**
 * Where the chart pulls every image from by default: registry and repository namespace (chart values
 * `imageRegistry` and `imageNamespace`, which it joins as `<registry>/<namespace>/<image name>`).
 */
export const DEFAULT_IMAGE_REPOSITORY = 'quay.io/jetstack';

/** Pod labels the chart sets, per part (`app.kubernetes.io/component`). */
export const POD_COMPONENT_LABEL = 'app.kubernetes.io/component';
