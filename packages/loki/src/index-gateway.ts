import { statefulSet, type BuildContext, type IStatefulSet } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { lokiWorkload, workloadEntries, type CompanionEntries, type LokiShared } from './pod.js';

export type IndexGatewayObjects = { index_gateway_statefulset: IStatefulSet } & CompanionEntries<'index_gateway'>;

/** microservices: index-gateways download the TSDB index to their volume and answer index queries for queriers. */
export function indexGateway(context: BuildContext<LokiConfig>, shared: LokiShared): IndexGatewayObjects {
  const { replicas, resources, storageSize, storageClassName } = context.config.indexGateway;
  const objects = statefulSet(context, lokiWorkload(context, {
    name: SERVICE_NAMES.indexGateway,
    target: 'index-gateway',
    replicas,
    resources,
    storage: { storageSize, storageClassName },
  }, shared));
  return workloadEntries('index_gateway', 'statefulset', objects);
}
