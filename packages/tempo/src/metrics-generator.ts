import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type MetricsGeneratorObjects = DatabaseTargetObjects<'metrics-generator', 'deployment'>;

/**
 * microservices, optional: metrics-generators consume spans from Kafka and remote-write span metrics and service
 * graphs to the environment's metrics store. Their WAL is an emptyDir: the metrics can be regenerated.
 */
export function metricsGenerator(
  context: BuildContext<TempoConfig>,
  database: GrafanaDatabase,
): MetricsGeneratorObjects {
  const { replicas, resources } = context.config.metricsGenerator;
  return databaseTarget(context, database, 'deployment', { name: SERVICE_NAMES.metricsGenerator, replicas, resources });
}
