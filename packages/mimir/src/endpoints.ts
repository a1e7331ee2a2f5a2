import { type BuildContext, type MetricsStore, selectorLabels, serviceHost } from '@platform/core';
import type { MimirConfig } from './config.js';
import { HTTP_PORT, WORKLOAD } from './layout.js';

type EndpointContext = Omit<BuildContext<MimirConfig>, 'peers'>;

function baseUrl(context: EndpointContext, service: string): string {
  return `http://${serviceHost(service, context.namespace, context.environment.settings)}:${HTTP_PORT}`;
}

/**
 * What Mimir offers its peers: remote write at the distributors, queries at the query-frontends, the Alertmanager
 * API, each with the pods of its Service (every workload's Service selects `selectorLabels(name, workload)`).
 */
export function metricsStore(context: EndpointContext): MetricsStore {
  const alertmanager = context.config.alertmanager.enabled;
  const pods = (workload: string) => selectorLabels(context.name, workload);
  return {
    component: context.name,
    namespace: context.namespace,
    remoteWriteUrl: `${baseUrl(context, WORKLOAD.distributor)}/api/v1/push`,
    queryUrl: `${baseUrl(context, WORKLOAD.queryFrontend)}/prometheus`,
    ...(alertmanager ? { alertmanagerUrl: `${baseUrl(context, WORKLOAD.alertmanager)}/alertmanager` } : {}),
    multiTenant: true,
    pods: {
      remoteWriteUrl: pods(WORKLOAD.distributor),
      queryUrl: pods(WORKLOAD.queryFrontend),
      ...(alertmanager ? { alertmanagerUrl: pods(WORKLOAD.alertmanager) } : {}),
    },
  };
}
