import { type BuildContext, PlatformError } from '@platform/core';
import {
  everyPod,
  objstoreConfigMap,
  type QueryEndpoint,
  queryUrl,
  type ThanosStoreApi,
  thanosQuery,
  thanosQueryFrontend,
} from '@platform/thanos';
import type { PrometheusConfig } from './config.js';
import { PART } from './layout.js';

/** The StoreAPIs of the environment's bucket this Prometheus' Query reads: the store gateways (and Rulers) of other components. */
export function bucketStoreApis(context: BuildContext<PrometheusConfig>): ThanosStoreApi[] {
  return context.peers.all('thanosStoreApi').filter((api) => api.component !== context.name && api.role !== 'query');
}

function headless(api: ThanosStoreApi, settings: { clusterDomain: string }): QueryEndpoint {
  const [service, namespace] = api.grpcAddress.replace(/:\d+$/, '').split('.');
  return { address: everyPod(service!, namespace!, settings) };
}

/**
 * With Thanos: the object storage configuration the sidecars read, and the Query (over both replicas' sidecars and
 * the store gateway's blocks, deduplicating the pair by `prometheus_replica`) behind a Query Frontend, which is what
 * the metrics store's query URL names. Shipping blocks that nothing serves is a mistake, so a store gateway
 * (`@platform/thanos`) is required.
 */
export function thanosObjects(context: BuildContext<PrometheusConfig>) {
  const { config, namespace } = context;
  const thanos = config.thanos;
  if (!thanos.enabled) return {};
  const settings = context.environment.settings;
  const stores = bucketStoreApis(context);
  if (!stores.some((api) => api.role === 'store-gateway')) {
    throw new PlatformError({
      path: 'thanos.enabled',
      message:
        'the sidecars ship blocks to the bucket but no component serves them to queries: add thanos() (@platform/thanos) for the store gateway and compactor',
    });
  }
  const size = {
    image: thanos.image,
    replicas: thanos.replicas,
    resources: thanos.resources,
    logLevel: config.logLevel,
  };
  return {
    thanos_objstore_configmap: objstoreConfigMap(context, settings.objectStorage),
    ...thanosQuery(context, {
      ...size,
      endpoints: [
        { address: everyPod(PART.thanosSidecar, namespace, settings) },
        ...stores.map((api) => headless(api, settings)),
      ],
    }),
    ...thanosQueryFrontend(context, {
      ...size,
      downstreamUrl: queryUrl(namespace, settings),
      splitInterval: thanos.splitInterval,
      cacheSize: thanos.cacheSize,
    }),
  };
}
