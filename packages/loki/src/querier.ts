import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type QuerierObjects = DatabaseTargetObjects<'querier', 'deployment'>;

/** microservices: queriers pull query shards from the schedulers and read ingesters, index-gateways and chunks. */
export function querier(context: BuildContext<LokiConfig>, database: GrafanaDatabase): QuerierObjects {
  return databaseTarget(context, database, 'deployment', { name: SERVICE_NAMES.querier, ...context.config.querier });
}
