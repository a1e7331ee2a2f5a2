import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type IndexGatewayObjects = DatabaseTargetObjects<'index-gateway', 'statefulset'>;

/** microservices: index-gateways download the TSDB index to their volume and answer index queries for queriers. */
export function indexGateway(context: BuildContext<LokiConfig>, database: GrafanaDatabase): IndexGatewayObjects {
  const { indexGateway: settings } = context.config;
  return databaseTarget(context, database, 'statefulset', { name: SERVICE_NAMES.indexGateway, ...settings });
}
