import { deployment, type BuildContext, type IDeployment } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { lokiWorkload, workloadEntries, type CompanionEntries, type LokiShared } from './pod.js';

export type DistributorObjects = { distributor_deployment: IDeployment } & CompanionEntries<'distributor'>;

/** microservices: distributors validate pushes and spread each stream over `replicationFactor` ingesters. */
export function distributor(context: BuildContext<LokiConfig>, shared: LokiShared): DistributorObjects {
  const { replicas, resources } = context.config.distributor;
  const objects = deployment(context, lokiWorkload(context, { name: SERVICE_NAMES.distributor, target: 'distributor', replicas, resources }, shared));
  return workloadEntries('distributor', 'deployment', objects);
}
