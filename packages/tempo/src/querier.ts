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

export type QuerierObjects = NamedWorkloadObjects<'querier', 'deployment', IDeployment>;

/** microservices: queriers take jobs from every query-frontend and read live-stores (recent) and blocks (older). */
export function querier(context: BuildContext<TempoConfig>, database: GrafanaDatabase): QuerierObjects {
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
