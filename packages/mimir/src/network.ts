import { selectorLabels, type BuildContext, type NetworkAccess } from '@platform/core';
import type { MimirConfig } from './config.js';
import { HTTP_PORT, OBJECT_STORAGE_CLIENT_LABEL, WORKLOAD } from './layout.js';

/**
 * Traffic Mimir needs beyond its namespace. Gossip, gRPC between components and memcached stay inside the
 * namespace (allowed by the core policies), as does the ruler talking to the Alertmanager; metrics scrapers
 * are allowed by the environment's scraper namespaces (which also lets them push).
 */
export function mimirNetwork(context: BuildContext<MimirConfig>): NetworkAccess {
  const { config, name } = context;
  const pods = (workload: string) => selectorLabels(name, workload);
  return {
    ingress: [
      // Alloy pushes samples with remote write.
      { name: 'remote-write', from: [{ component: 'alloy' }], ports: [HTTP_PORT], podLabels: pods(WORKLOAD.distributor) },
      // Grafana queries through the Prometheus API of the query-frontends.
      { name: 'query', from: [{ component: 'grafana' }], ports: [HTTP_PORT], podLabels: pods(WORKLOAD.queryFrontend) },
      ...(config.alertmanager.enabled
        ? [{ name: 'alertmanager-api', from: [{ component: 'grafana' }], ports: [HTTP_PORT], podLabels: pods(WORKLOAD.alertmanager) }]
        : []),
    ],
    egress: [
      { name: 'object-storage', to: 'objectStorage', podLabels: { 'app.kubernetes.io/instance': name, [OBJECT_STORAGE_CLIENT_LABEL]: 'true' } },
      ...(config.alertmanager.enabled && config.alertmanager.notificationEgress
        ? [{ name: 'alertmanager-notifications', to: 'any' as const, ports: [443], podLabels: pods(WORKLOAD.alertmanager) }]
        : []),
    ],
  };
}
