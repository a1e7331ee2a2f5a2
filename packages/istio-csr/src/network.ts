import type { NetworkAccess } from '@platform/core';
import { POD_LABELS, SERVING_PORT } from './chart.js';

/**
 * istio-csr's traffic: every mesh workload's agent (sidecars, gateways, in any namespace) and istiod request
 * certificates on its gRPC port; it creates CertificateRequests and writes the root ConfigMaps through the API
 * server. Metrics scraping is allowed namespace-wide by the core.
 */
export function networkAccess(): NetworkAccess {
  return {
    ingress: [
      { name: 'csr-clients', from: [{ allNamespaces: true }], ports: [SERVING_PORT], podLabels: { ...POD_LABELS } },
    ],
    egress: [{ name: 'api-server', to: 'apiServer' }],
  };
}
