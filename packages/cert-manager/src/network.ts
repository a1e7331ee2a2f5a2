import type { BuildContext, NetworkAccess } from '@platform/core';
import { POD_COMPONENT_LABEL, WEBHOOK_PORT } from './chart.js';
import type { CertManagerConfig } from './config.js';

/**
 * Cross-namespace traffic of cert-manager: the API server calls the webhook (from outside any pod network,
 * hence from anywhere), every part talks to the API server, and with ACME enabled the controller reaches
 * the ACME server, DNS provider APIs and the authoritative name servers.
 */
export function networkAccess({ config }: BuildContext<CertManagerConfig>): NetworkAccess {
  return {
    ingress: [{ name: 'webhook', from: 'any', ports: [WEBHOOK_PORT], podLabels: { [POD_COMPONENT_LABEL]: 'webhook' } }],
    egress: [
      { name: 'api-server', to: 'apiServer' },
      ...(config.acme.egress || config.letsEncrypt.enabled
        ? [
            {
              name: 'acme',
              to: 'any' as const,
              ports: [443, 80, { port: 53, protocol: 'UDP' as const }, { port: 53, protocol: 'TCP' as const }],
              podLabels: { [POD_COMPONENT_LABEL]: 'controller' },
            },
          ]
        : []),
    ],
  };
}
