import {
  type BuildContext,
  type IStatefulSet,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
  statefulSet,
} from '@platform/core';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type IndexGatewayObjects = NamedWorkloadObjects<'index_gateway', 'statefulset', IStatefulSet>;

/** microservices: index-gateways download the TSDB index to their volume and answer index queries for queriers. */
export function indexGateway(context: BuildContext<LokiConfig>, database: GrafanaDatabase): IndexGatewayObjects {
  const { replicas, resources, storageSize, storageClassName } = context.config.indexGateway;
  const objects = statefulSet(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.indexGateway,
      stage: DATABASE_STAGES.stateful,
      target: 'index-gateway',
      replicas,
      resources,
      storage: { storageSize, storageClassName },
    }),
  );
  return namedWorkloadObjects('index_gateway', 'statefulset', objects);
}
