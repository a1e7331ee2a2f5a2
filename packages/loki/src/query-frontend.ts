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

export type QueryFrontendObjects = NamedWorkloadObjects<'query_frontend', 'deployment', IDeployment>;

/** microservices: the query API clients call; splits, caches and enqueues queries at the schedulers. */
export function queryFrontend(context: BuildContext<LokiConfig>, database: GrafanaDatabase): QueryFrontendObjects {
  const { replicas, resources } = context.config.queryFrontend;
  const objects = deployment(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.queryFrontend,
      target: 'query-frontend',
      replicas,
      resources,
      stage: DATABASE_STAGES.stateless,
    }),
  );
  return namedWorkloadObjects('query_frontend', 'deployment', objects);
}
