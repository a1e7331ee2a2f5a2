import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type ReadObjects = DatabaseTargetObjects<'read', 'deployment'>;

/**
 * simple-scalable read path: `-target=read` runs query-frontends and queriers. Stateless; the data path is an
 * emptyDir for the TSDB index cache. Queriers find the query-schedulers (in the backend) through their ring.
 */
export function read(context: BuildContext<LokiConfig>, database: GrafanaDatabase): ReadObjects {
  return databaseTarget(context, database, 'deployment', { name: SERVICE_NAMES.read, ...context.config.read });
}
