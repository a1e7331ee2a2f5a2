import { DATABASE_SYNC_WAVES, namedWorkloadObjects, statefulSet, targetWorkload, type BuildContext, type GrafanaDatabase, type IStatefulSet, type NamedWorkloadObjects, } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type IndexGatewayObjects = NamedWorkloadObjects<'index_gateway', 'statefulset', IStatefulSet>;

/** microservices: index-gateways download the TSDB index to their volume and answer index queries for queriers. */
export function indexGateway(context: BuildContext<LokiConfig>, database: GrafanaDatabase): IndexGatewayObjects {
  const { replicas, resources, storageSize, storageClassName } = context.config.indexGateway;
  const objects = statefulSet(context, targetWorkload(database, {
    name: SERVICE_NAMES.indexGateway,
    syncWave: DATABASE_SYNC_WAVES.stateful,
    target: 'index-gateway',
    replicas,
    resources,
    storage: { storageSize, storageClassName },
  }));
  return namedWorkloadObjects('index_gateway', 'statefulset', objects);
}
