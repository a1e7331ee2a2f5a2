import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart this package installs, pinned. External Secrets Operator publishes its chart to its Helm
 * repository with a version without the `v` (tag `helm-chart-2.9.0`, chart `version: 2.9.0`,
 * `appVersion: v2.9.0`).
 */
export const CHART = pinnedChart('https://charts.external-secrets.io', chartFacts);

/**
 * Helm release name. Fixed, because the chart names its objects after it: the controller's Deployment and
 * ServiceAccount `external-secrets`, `external-secrets-webhook`, `external-secrets-cert-controller`.
 */
export const RELEASE_NAME = 'external-secrets';

/** The controller's ServiceAccount (chart: the full name, which is the release name). The platform store authenticates to Vault with its token. */
export const CONTROLLER_SERVICE_ACCOUNT = 'external-secrets';

/** Port the webhook pods serve admission requests on (chart value `webhook.port`, default 10250). */
export const WEBHOOK_PORT = 10250;

/**
 * The chart's ValidatingWebhookConfigurations: `secretstore-validate` (SecretStore, ClusterSecretStore) and
 * `externalsecret-validate` (ExternalSecret). The cert-controller writes the webhook's CA into both.
 */
export const WEBHOOK_CONFIGURATIONS = ['secretstore-validate', 'externalsecret-validate'] as const;

/** Repository of the one image every part runs (chart values `image`, `webhook.image`, `certController.image`). */
export const IMAGE_REPOSITORY = 'ghcr.io/external-secrets/external-secrets';

/** Pod label that tells the parts apart (the chart's selector labels). */
export const POD_NAME_LABEL = 'app.kubernetes.io/name';

/** `app.kubernetes.io/name` of each part's pods. */
export const POD_NAMES = {
  controller: RELEASE_NAME,
  webhook: `${RELEASE_NAME}-webhook`,
  certController: `${RELEASE_NAME}-cert-controller`,
} as const;
