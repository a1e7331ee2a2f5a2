import type { BuildContext, NetworkAccess } from '@platform/core';
import { POD_NAME_LABEL, POD_NAMES, WEBHOOK_PORT } from './chart.js';
import type { ExternalSecretsConfig } from './config.js';
import { storeTarget } from './target.js';

/**
 * Cross-namespace traffic of the operator: the API server calls the webhook (from outside any pod network,
 * hence from anywhere), every part talks to the API server, and the controller reads the secret store (see
 * {@link storeTarget} for how that egress is derived).
 */
export function networkAccess(context: BuildContext<ExternalSecretsConfig>): NetworkAccess {
  return {
    ingress: [
      { name: 'webhook', from: 'any', ports: [WEBHOOK_PORT], podLabels: { [POD_NAME_LABEL]: POD_NAMES.webhook } },
    ],
    egress: [{ name: 'api-server', to: 'apiServer' }, ...storeTarget(context).egress],
  };
}
