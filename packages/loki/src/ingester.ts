import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

import { INGESTER_GRACE_SECONDS } from './write.js';

export type IngesterObjects = DatabaseTargetObjects<'ingester', 'statefulset'>;

/** microservices: ingesters build chunks in memory, keep a WAL on their volume and flush chunks to object storage. */
export function ingester(context: BuildContext<LokiConfig>, database: GrafanaDatabase): IngesterObjects {
  return databaseTarget(context, database, 'statefulset', {
    name: SERVICE_NAMES.ingester,
    ...context.config.ingester,
    terminationGracePeriodSeconds: INGESTER_GRACE_SECONDS,
  });
}
