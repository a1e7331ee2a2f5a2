import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type QuerySchedulerObjects = DatabaseTargetObjects<'query-scheduler', 'deployment'>;

/**
 * microservices: per-tenant query queues between frontends and queriers. Both resolve the headless Service to
 * every scheduler pod (including starting ones), so it publishes not-ready addresses.
 */
export function queryScheduler(context: BuildContext<LokiConfig>, database: GrafanaDatabase): QuerySchedulerObjects {
  const target = { name: SERVICE_NAMES.queryScheduler, ...context.config.queryScheduler };
  const service = { headless: true, publishNotReadyAddresses: true };
  return databaseTarget(context, database, 'deployment', target, { service });
}
