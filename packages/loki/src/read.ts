import { DATABASE_SYNC_WAVES, deployment, namedWorkloadObjects, targetWorkload, type BuildContext, type GrafanaDatabase, type IDeployment, type NamedWorkloadObjects, } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type ReadObjects = NamedWorkloadObjects<'read', 'deployment', IDeployment>;

/**
 * simple-scalable read path: `-target=read` runs query-frontends and queriers. Stateless; the data path is an
 * emptyDir for the TSDB index cache. Queriers find the query-schedulers (in the backend) through their ring.
 */
export function read(context: BuildContext<LokiConfig>, database: GrafanaDatabase): ReadObjects {
  const { replicas, resources } = context.config.read;
  const objects = deployment(context, targetWorkload(database, {
    name: SERVICE_NAMES.read,
    target: 'read',
    replicas,
    resources,
    syncWave: DATABASE_SYNC_WAVES.stateless,
  }));
  return namedWorkloadObjects('read', 'deployment', objects);
}
