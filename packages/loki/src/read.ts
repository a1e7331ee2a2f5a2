import { deployment, type BuildContext, type IDeployment } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { lokiWorkload, workloadEntries, type CompanionEntries, type LokiShared } from './pod.js';

export type ReadObjects = { read_deployment: IDeployment } & CompanionEntries<'read'>;

/**
 * simple-scalable read path: `-target=read` runs query-frontends and queriers. Stateless; the data path is an
 * emptyDir for the TSDB index cache. Queriers find the query-schedulers (in the backend) through their ring.
 */
export function read(context: BuildContext<LokiConfig>, shared: LokiShared): ReadObjects {
  const { replicas, resources } = context.config.read;
  const objects = deployment(context, lokiWorkload(context, { name: SERVICE_NAMES.read, target: 'read', replicas, resources }, shared));
  return workloadEntries('read', 'deployment', objects);
}
