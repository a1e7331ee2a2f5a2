import type { NetworkAccess } from '@platform/core';
import { CONTROLLERS, WEBHOOK_PORT } from './chart.js';

/**
 * The API server calls the admission and cleanup controllers' webhooks (from outside the pod network, hence from
 * anywhere, on 9443 only); every controller and hook talks to the API server. Metrics scrapers come in through
 * the namespace-wide rule for `settings.metricsScraperNamespaces`.
 */
export function networkAccess(): NetworkAccess {
  const component = (name: string) => ({ 'app.kubernetes.io/component': name });
  return {
    ingress: [
      { name: 'admission-webhook', from: 'any', ports: [WEBHOOK_PORT], podLabels: component(CONTROLLERS.admission) },
      { name: 'cleanup-webhook', from: 'any', ports: [WEBHOOK_PORT], podLabels: component(CONTROLLERS.cleanup) },
    ],
    egress: [{ name: 'api-server', to: 'apiServer' }],
  };
}
