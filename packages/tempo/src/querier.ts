import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type QuerierObjects = DatabaseTargetObjects<'querier', 'deployment'>;

/** microservices: queriers take jobs from every query-frontend and read live-stores (recent) and blocks (older). */
export function querier(context: BuildContext<TempoConfig>, database: GrafanaDatabase): QuerierObjects {
  return databaseTarget(context, database, 'deployment', { name: SERVICE_NAMES.querier, ...context.config.querier });
}
