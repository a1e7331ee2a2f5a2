import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type QueryFrontendObjects = DatabaseTargetObjects<'query-frontend', 'deployment'>;

/** microservices: the query API clients call; splits, caches and enqueues queries at the schedulers. */
export function queryFrontend(context: BuildContext<LokiConfig>, database: GrafanaDatabase): QueryFrontendObjects {
  const { queryFrontend: settings } = context.config;
  return databaseTarget(context, database, 'deployment', { name: SERVICE_NAMES.queryFrontend, ...settings });
}
