import type { BuildContext, NetworkAccess } from '@platform/core';
import { POD_NAME_LABEL, POD_NAMES, WEBHOOK_PORT } from './chart.js';
import type { ExternalSecretsConfig } from './config.js';

/**
 * Cross-namespace traffic of the operator: the API server calls the webhook (from outside any pod network,
 * hence from anywhere), every part talks to the API server, and the controller reads the secret store. The
 * store is outside the cluster and NetworkPolicies cannot name a host, so that egress is to any address, on
 * the store's ports only and from the controller's pods only.
 */
export function networkAccess({ config }: BuildContext<ExternalSecretsConfig>): NetworkAccess {
  return {
    ingress: [
      { name: 'webhook', from: 'any', ports: [WEBHOOK_PORT], podLabels: { [POD_NAME_LABEL]: POD_NAMES.webhook } },
    ],
    egress: [
      { name: 'api-server', to: 'apiServer' },
      {
        name: 'secret-store',
        to: 'any',
        ports: [...config.store.egressPorts],
        podLabels: { [POD_NAME_LABEL]: POD_NAMES.controller },
      },
    ],
  };
}
