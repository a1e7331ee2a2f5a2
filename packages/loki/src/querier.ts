import { deployment, type BuildContext, type IDeployment } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { lokiWorkload, workloadEntries, type CompanionEntries, type LokiShared } from './pod.js';

export type QuerierObjects = { querier_deployment: IDeployment } & CompanionEntries<'querier'>;

/** microservices: queriers pull query shards from the schedulers and read ingesters, index-gateways and chunks. */
export function querier(context: BuildContext<LokiConfig>, shared: LokiShared): QuerierObjects {
  const { replicas, resources } = context.config.querier;
  const objects = deployment(context, lokiWorkload(context, { name: SERVICE_NAMES.querier, target: 'querier', replicas, resources }, shared));
  return workloadEntries('querier', 'deployment', objects);
}
