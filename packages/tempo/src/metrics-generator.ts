import { deployment, type BuildContext, type IDeployment } from '@platform/core';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { tempoWorkload, workloadEntries, type CompanionEntries, type TempoShared } from './pod.js';

export type MetricsGeneratorObjects = { metrics_generator_deployment: IDeployment } & CompanionEntries<'metrics_generator'>;

/**
 * microservices, optional: metrics-generators consume spans from Kafka and remote-write span metrics and service
 * graphs to the environment's metrics store. Their WAL is an emptyDir: the metrics can be regenerated.
 */
export function metricsGenerator(context: BuildContext<TempoConfig>, shared: TempoShared): MetricsGeneratorObjects {
  const { replicas, resources } = context.config.metricsGenerator;
  const objects = deployment(context, tempoWorkload(context, { name: SERVICE_NAMES.metricsGenerator, target: 'metrics-generator', replicas, resources }, shared));
  return workloadEntries('metrics_generator', 'deployment', objects);
}
