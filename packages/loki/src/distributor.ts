import {
  type BuildContext,
  deployment,
  type IDeployment,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
} from '@platform/core';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type DistributorObjects = NamedWorkloadObjects<'distributor', 'deployment', IDeployment>;

/** microservices: distributors validate pushes and spread each stream over `replicationFactor` ingesters. */
export function distributor(context: BuildContext<LokiConfig>, database: GrafanaDatabase): DistributorObjects {
  const { replicas, resources } = context.config.distributor;
  const objects = deployment(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.distributor,
      target: 'distributor',
      replicas,
      resources,
      stage: DATABASE_STAGES.stateless,
    }),
  );
  return namedWorkloadObjects('distributor', 'deployment', objects);
}
