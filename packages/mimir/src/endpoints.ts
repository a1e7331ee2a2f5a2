import { serviceHost, type BuildContext, type MetricsStore } from '@platform/core';
import type { MimirConfig } from './config.js';
import { HTTP_PORT, WORKLOAD } from './layout.js';

type EndpointContext = Omit<BuildContext<MimirConfig>, 'peers'>;

function baseUrl(context: EndpointContext, service: string): string {
  return `http://${serviceHost(service, context.namespace, context.environment.settings)}:${HTTP_PORT}`;
}

/** What Mimir offers its peers: remote write at the distributors, queries at the query-frontends, the Alertmanager API. */
export function metricsStore(context: EndpointContext): MetricsStore {
  return {
    component: context.name,
    namespace: context.namespace,
    remoteWriteUrl: `${baseUrl(context, WORKLOAD.distributor)}/api/v1/push`,
    queryUrl: `${baseUrl(context, WORKLOAD.queryFrontend)}/prometheus`,
    ...(context.config.alertmanager.enabled ? { alertmanagerUrl: `${baseUrl(context, WORKLOAD.alertmanager)}/alertmanager` } : {}),
    multiTenant: true,
  };
}
