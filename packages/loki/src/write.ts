import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type WriteObjects = DatabaseTargetObjects<'write', 'statefulset'>;

/** Time an ingester gets to hand over or flush its in-memory streams before it is killed. */
export const INGESTER_GRACE_SECONDS = 300;

/**
 * simple-scalable write path: `-target=write` runs distributors and ingesters. A StatefulSet so that each
 * ingester keeps its WAL on its own volume across restarts. Clients push through a ClusterIP Service.
 */
export function write(context: BuildContext<LokiConfig>, database: GrafanaDatabase): WriteObjects {
  const target = {
    name: SERVICE_NAMES.write,
    ...context.config.write,
    terminationGracePeriodSeconds: INGESTER_GRACE_SECONDS,
  };
  return databaseTarget(context, database, 'statefulset', target, { service: { headless: false } });
}
