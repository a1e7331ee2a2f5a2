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

export type QuerierObjects = NamedWorkloadObjects<'querier', 'deployment', IDeployment>;

/** microservices: queriers pull query shards from the schedulers and read ingesters, index-gateways and chunks. */
export function querier(context: BuildContext<LokiConfig>, database: GrafanaDatabase): QuerierObjects {
  const { replicas, resources } = context.config.querier;
  const objects = deployment(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.querier,
      target: 'querier',
      replicas,
      resources,
      stage: DATABASE_STAGES.stateless,
    }),
  );
  return namedWorkloadObjects('querier', 'deployment', objects);
}
