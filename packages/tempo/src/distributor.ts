import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

import { OTLP_PORTS } from './pod.js';

export type DistributorObjects = DatabaseTargetObjects<'distributor', 'deployment'>;

/**
 * microservices: distributors receive OTLP (gRPC 4317, HTTP 4318) and write spans to the Kafka partitions the
 * partition ring marks active. Stateless, behind a ClusterIP Service.
 */
export function distributor(context: BuildContext<TempoConfig>, database: GrafanaDatabase): DistributorObjects {
  const target = { name: SERVICE_NAMES.distributor, ...context.config.distributor, extraPorts: OTLP_PORTS };
  return databaseTarget(context, database, 'deployment', target);
}
