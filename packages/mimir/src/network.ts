import { type BuildContext, type IngressRule, type NetworkAccess, selectorLabels, urlPort } from '@platform/core';
import type { MimirConfig } from './config.js';
import { metricsStore } from './endpoints.js';
import { OBJECT_STORAGE_CLIENT_LABEL, WORKLOAD } from './layout.js';

/**
 * Traffic Mimir needs beyond its namespace. Each published address admits its configured clients on exactly the
 * pods and port the address names (the same selectors the metrics store publishes, which clients' egress rules
 * open): remote write at the distributors, queries at the query-frontends, the Alertmanager API. Gossip, gRPC
 * between components and memcached stay inside the namespace (allowed by the core policies), as does the ruler
 * talking to the Alertmanager; metrics scrapers are allowed by the environment's scraper namespaces.
 */
export function mimirNetwork(context: BuildContext<MimirConfig>): NetworkAccess {
  const { config, name } = context;
  const store = metricsStore(context);
  const admit = (rule: string, clients: string[], url: string, pods: Record<string, string>): IngressRule => ({
    name: rule,
    from: clients.map((component) => ({ component })),
    ports: [urlPort(url)],
    podLabels: pods,
  });
  return {
    ingress: [
      admit('remote-write', config.network.remoteWriteFrom, store.remoteWriteUrl, store.pods.remoteWriteUrl),
      admit('query', config.network.queryFrom, store.queryUrl, store.pods.queryUrl),
      ...(store.alertmanagerUrl && store.pods.alertmanagerUrl
        ? [
            admit(
              'alertmanager-api',
              config.network.alertmanagerFrom,
              store.alertmanagerUrl,
              store.pods.alertmanagerUrl,
            ),
          ]
        : []),
    ],
    egress: [
      {
        name: 'object-storage',
        to: 'objectStorage',
        podLabels: { 'app.kubernetes.io/instance': name, [OBJECT_STORAGE_CLIENT_LABEL]: 'true' },
      },
      ...(config.alertmanager.enabled && config.alertmanager.notificationEgress
        ? [
            {
              name: 'alertmanager-notifications',
              to: 'any' as const,
              ports: [443],
              podLabels: selectorLabels(name, WORKLOAD.alertmanager),
            },
          ]
        : []),
    ],
  };
}
