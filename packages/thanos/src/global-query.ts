import type { BuildContext } from '@platform/core';
import type { ThanosStoreApi } from './capability.js';
import type { ThanosConfig } from './config.js';
import { WORKLOAD } from './layout.js';
import { everyPod, type QueryEndpoint, queryUrl, thanosQuery } from './query.js';
import { queryFrontendUrl, thanosQueryFrontend } from './query-frontend.js';

/** The environment's own StoreAPIs the global Query fans out to: other components' Queries and Rulers (not store gateways, which those Queries already read). */
export function globalStoreApis(context: BuildContext<ThanosConfig>): ThanosStoreApi[] {
  return context.peers
    .all('thanosStoreApi')
    .filter((api) => api.component !== context.name && api.role !== 'store-gateway');
}

/** `host:port` → the headless-Service form every pod of it answers under. */
function endpointOf(api: ThanosStoreApi, settings: { clusterDomain: string }): QueryEndpoint {
  const host = api.grpcAddress.replace(/:\d+$/, '');
  const [service, namespace] = host.split('.');
  return { address: everyPod(service!, namespace!, settings) };
}

/**
 * The global view: a Query over other environments' StoreAPIs (over TLS where they say so), this environment's
 * store gateway and its Prometheuses' Queries, behind a Query Frontend. The SRE environment's Grafana reads it.
 */
export function globalQuery(context: BuildContext<ThanosConfig>) {
  const { config, namespace } = context;
  const settings = context.environment.settings;
  const endpoints: QueryEndpoint[] = [
    ...(config.storeGateway.enabled ? [{ address: everyPod(WORKLOAD.storeGateway, namespace, settings) }] : []),
    ...globalStoreApis(context).map((api) => endpointOf(api, settings)),
    ...config.globalQuery.remoteStores.map(({ address, tls, serverName }) => ({ address, tls, serverName })),
  ];
  const size = {
    image: config.image,
    replicas: config.globalQuery.replicas,
    resources: config.globalQuery.resources,
    logLevel: config.logLevel,
  };
  return {
    ...thanosQuery(context, { ...size, endpoints }),
    ...thanosQueryFrontend(context, {
      ...size,
      downstreamUrl: queryUrl(namespace, settings),
      splitInterval: config.globalQuery.splitInterval,
      cacheSize: config.globalQuery.cacheSize,
    }),
  };
}

/** The global view's Prometheus-compatible query URL (a Grafana datasource URL). */
export function globalQueryUrl(namespace: string, settings: { clusterDomain: string }): string {
  return queryFrontendUrl(namespace, settings);
}
