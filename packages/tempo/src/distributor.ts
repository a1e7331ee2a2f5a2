import { deployment, type BuildContext, type IDeployment } from '@platform/core';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { tempoWorkload, workloadEntries, type CompanionEntries, type TempoShared } from './pod.js';

export type DistributorObjects = { distributor_deployment: IDeployment } & CompanionEntries<'distributor'>;

/**
 * microservices: distributors receive OTLP (gRPC 4317, HTTP 4318) and write spans to the Kafka partitions the
 * partition ring marks active. Stateless, behind a ClusterIP Service.
 */
export function distributor(context: BuildContext<TempoConfig>, shared: TempoShared): DistributorObjects {
  const { replicas, resources } = context.config.distributor;
  const objects = deployment(context, tempoWorkload(context, { name: SERVICE_NAMES.distributor, target: 'distributor', replicas, resources, otlp: true }, shared));
  return workloadEntries('distributor', 'deployment', objects);
}
