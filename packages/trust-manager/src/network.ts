import type { NetworkAccess } from '@platform/core';
import { POD_LABELS, WEBHOOK_PORT } from './chart.js';

/**
 * trust-manager's traffic: the API server calls its validating webhook (from outside the pod network, hence from
 * anywhere) and it reads and writes Bundles, Secrets and ConfigMaps through the API server. Metrics scraping is
 * allowed namespace-wide by the core.
 */
export function networkAccess(): NetworkAccess {
  return {
    ingress: [{ name: 'webhook', from: 'any', ports: [WEBHOOK_PORT], podLabels: { ...POD_LABELS } }],
    egress: [{ name: 'api-server', to: 'apiServer' }],
  };
}
