import type { BuildContext, NetworkAccess } from '@platform/core';
import { ISTIOD_POD_LABELS, ISTIOD_PORTS } from './chart.js';
import type { IstiodConfig } from './config.js';

/**
 * istiod's cross-namespace traffic: proxies in every namespace fetch configuration and certificates on 15012,
 * the API server calls the webhooks on 15017 (both from anywhere), the environment's metrics scrapers read
 * 15014, and istiod watches the API server.
 */
export function istiodNetworkAccess({ environment }: BuildContext<IstiodConfig>): NetworkAccess {
  return {
    ingress: [
      { name: 'xds', from: 'any', ports: [ISTIOD_PORTS.xds], podLabels: ISTIOD_POD_LABELS },
      { name: 'webhook', from: 'any', ports: [ISTIOD_PORTS.webhook], podLabels: ISTIOD_POD_LABELS },
      {
        name: 'monitoring',
        from: environment.settings.metricsScraperNamespaces.map((namespace) => ({ namespace })),
        ports: [ISTIOD_PORTS.monitoring],
        podLabels: ISTIOD_POD_LABELS,
      },
    ],
    egress: [{ name: 'api-server', to: 'apiServer', podLabels: ISTIOD_POD_LABELS }],
  };
}
