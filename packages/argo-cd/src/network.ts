import type { BuildContext, NetworkAccess } from '@platform/core';
import { SERVER_POD_LABELS, SERVER_PORT } from './chart.js';
import type { ArgoCdConfig } from './config.js';

/**
 * Argo CD's cross-namespace traffic: users, ingress controllers and git webhooks reach argocd-server; every
 * component talks to the API server (of this cluster and of the clusters it deploys to); repo-server,
 * ApplicationSet controller, notifications and Dex reach git and chart repositories, SSO and notification
 * services on the configured ports. Traffic between Argo CD's own pods stays inside the namespace.
 */
export function networkAccess({ config }: BuildContext<ArgoCdConfig>): NetworkAccess {
  return {
    ingress: [{ name: 'server', from: 'any', ports: [SERVER_PORT], podLabels: SERVER_POD_LABELS }],
    egress: [
      { name: 'api-server', to: 'apiServer' },
      { name: 'repositories', to: 'any', ports: config.egressPorts },
    ],
  };
}
