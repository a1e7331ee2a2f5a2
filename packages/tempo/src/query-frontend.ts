import {
  type BuildContext,
  deployment,
  discoveryService,
  type IDeployment,
  type IService,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
} from '@platform/core';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type QueryFrontendObjects = NamedWorkloadObjects<'query_frontend', 'deployment', IDeployment> & {
  query_frontend_discovery_service: IService;
};

/**
 * microservices: the query API (Grafana's Tempo datasource). It shards queries into jobs that queriers pull; the
 * queriers find every frontend through the headless discovery Service.
 */
export function queryFrontend(context: BuildContext<TempoConfig>, database: GrafanaDatabase): QueryFrontendObjects {
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
  return {
    ...namedWorkloadObjects('query_frontend', 'deployment', objects),
    query_frontend_discovery_service: discoveryService(
      context,
      SERVICE_NAMES.queryFrontendDiscovery,
      SERVICE_NAMES.queryFrontend,
      objects.service!.spec!.ports!,
    ),
  };
}
