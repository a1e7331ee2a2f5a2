import {
  type BuildContext,
  deployment,
  type IDeployment,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
} from '@platform/core';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type MetricsGeneratorObjects = NamedWorkloadObjects<'metrics_generator', 'deployment', IDeployment>;

/**
 * microservices, optional: metrics-generators consume spans from Kafka and remote-write span metrics and service
 * graphs to the environment's metrics store. Their WAL is an emptyDir: the metrics can be regenerated.
 */
export function metricsGenerator(
  context: BuildContext<TempoConfig>,
  database: GrafanaDatabase,
): MetricsGeneratorObjects {
  const { replicas, resources } = context.config.metricsGenerator;
  const objects = deployment(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.metricsGenerator,
      target: 'metrics-generator',
      replicas,
      resources,
      stage: DATABASE_STAGES.stateless,
    }),
  );
  return namedWorkloadObjects('metrics_generator', 'deployment', objects);
}
