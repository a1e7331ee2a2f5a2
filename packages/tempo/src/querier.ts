import { deployment, type BuildContext, type IDeployment } from '@platform/core';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { tempoWorkload, workloadEntries, type CompanionEntries, type TempoShared } from './pod.js';

export type QuerierObjects = { querier_deployment: IDeployment } & CompanionEntries<'querier'>;

/** microservices: queriers take jobs from every query-frontend and read live-stores (recent) and blocks (older). */
export function querier(context: BuildContext<TempoConfig>, shared: TempoShared): QuerierObjects {
  const { replicas, resources } = context.config.querier;
  const objects = deployment(context, tempoWorkload(context, { name: SERVICE_NAMES.querier, target: 'querier', replicas, resources }, shared));
  return workloadEntries('querier', 'deployment', objects);
}
