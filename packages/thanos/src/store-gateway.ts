import {
  type BuildContext,
  type IStatefulSet,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
  selectorLabels,
  serviceHost,
} from '@platform/core';
import type { ThanosStoreApi } from './capability.js';
import type { ThanosConfig } from './config.js';
import { PORTS, WORKLOAD } from './layout.js';
import { thanosPod } from './pods.js';

/**
 * The store gateway (`thanos-store`): serves the bucket's blocks over the StoreAPI, keeping index headers on its
 * volume (`--data-dir`, `--index-cache-size`, `docs/components/store.md` at v0.42.4). Every replica serves every
 * block; the Query fans out to each through the headless Service.
 */
export function storeGateway(
  context: BuildContext<ThanosConfig>,
): NamedWorkloadObjects<'store_gateway', 'statefulset', IStatefulSet> {
  const { config } = context;
  const settings = config.storeGateway;
  const objects = thanosPod(context, {
    name: WORKLOAD.storeGateway,
    command: 'store',
    image: config.image,
    replicas: settings.replicas,
    resources: settings.resources,
    logLevel: config.logLevel,
    objectStorage: true,
    storage: settings.storage,
    args: [`--index-cache-size=${settings.indexCacheSize}`],
  });
  return namedWorkloadObjects('store_gateway', 'statefulset', objects as { workload: IStatefulSet });
}

/** The store gateway as a StoreAPI peers' Queries fan out to. */
export function storeGatewayApi(context: Omit<BuildContext<ThanosConfig>, 'peers'>): ThanosStoreApi {
  return {
    component: context.name,
    namespace: context.namespace,
    role: 'store-gateway',
    grpcAddress: `${serviceHost(WORKLOAD.storeGateway, context.namespace, context.environment.settings)}:${PORTS.grpc}`,
    pods: { grpcAddress: selectorLabels(context.name, WORKLOAD.storeGateway) },
  };
}
