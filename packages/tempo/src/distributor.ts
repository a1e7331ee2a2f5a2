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
import { OTLP_PORTS } from './pod.js';

export type DistributorObjects = NamedWorkloadObjects<'distributor', 'deployment', IDeployment>;

/**
 * microservices: distributors receive OTLP (gRPC 4317, HTTP 4318) and write spans to the Kafka partitions the
 * partition ring marks active. Stateless, behind a ClusterIP Service.
 */
export function distributor(context: BuildContext<TempoConfig>, database: GrafanaDatabase): DistributorObjects {
  const { replicas, resources } = context.config.distributor;
  const objects = deployment(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.distributor,
      target: 'distributor',
      replicas,
      resources,
      extraPorts: OTLP_PORTS,
      stage: DATABASE_STAGES.stateless,
    }),
  );
  return namedWorkloadObjects('distributor', 'deployment', objects);
}
