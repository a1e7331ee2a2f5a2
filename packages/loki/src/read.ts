import {
  type BuildContext,
  deployment,
  type IDeployment,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
} from '@platform/core';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type ReadObjects = NamedWorkloadObjects<'read', 'deployment', IDeployment>;

/**
 * simple-scalable read path: `-target=read` runs query-frontends and queriers. Stateless; the data path is an
 * emptyDir for the TSDB index cache. Queriers find the query-schedulers (in the backend) through their ring.
 */
export function read(context: BuildContext<LokiConfig>, database: GrafanaDatabase): ReadObjects {
  const { replicas, resources } = context.config.read;
  const objects = deployment(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.read,
      target: 'read',
      replicas,
      resources,
      stage: DATABASE_STAGES.stateless,
    }),
  );
  return namedWorkloadObjects('read', 'deployment', objects);
}
