import { type BuildContext, discoveryService, type IService } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type QueryFrontendObjects = DatabaseTargetObjects<'query-frontend', 'deployment'> & {
  query_frontend_discovery_service: IService;
};

/**
 * microservices: the query API (Grafana's Tempo datasource). It shards queries into jobs that queriers pull; the
 * queriers find every frontend through the headless discovery Service.
 */
export function queryFrontend(context: BuildContext<TempoConfig>, database: GrafanaDatabase): QueryFrontendObjects {
  const target = { name: SERVICE_NAMES.queryFrontend, ...context.config.queryFrontend };
  const objects = databaseTarget(context, database, 'deployment', target);
  const { ports } = objects.query_frontend_service!.spec!;
  const discovery = discoveryService(
    context,
    SERVICE_NAMES.queryFrontendDiscovery,
    SERVICE_NAMES.queryFrontend,
    ports!,
  );
  return { ...objects, query_frontend_discovery_service: discovery };
}
