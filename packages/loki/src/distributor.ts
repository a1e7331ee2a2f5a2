import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type DistributorObjects = DatabaseTargetObjects<'distributor', 'deployment'>;

/** microservices: distributors validate pushes and spread each stream over `replicationFactor` ingesters. */
export function distributor(context: BuildContext<LokiConfig>, database: GrafanaDatabase): DistributorObjects {
  const { distributor: settings } = context.config;
  return databaseTarget(context, database, 'deployment', { name: SERVICE_NAMES.distributor, ...settings });
}
