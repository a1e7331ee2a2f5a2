import { deployment, type BuildContext, type IDeployment } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { lokiWorkload, workloadEntries, type CompanionEntries, type LokiShared } from './pod.js';

export type QueryFrontendObjects = { query_frontend_deployment: IDeployment } & CompanionEntries<'query_frontend'>;

/** microservices: the query API clients call; splits, caches and enqueues queries at the schedulers. */
export function queryFrontend(context: BuildContext<LokiConfig>, shared: LokiShared): QueryFrontendObjects {
  const { replicas, resources } = context.config.queryFrontend;
  const objects = deployment(context, lokiWorkload(context, { name: SERVICE_NAMES.queryFrontend, target: 'query-frontend', replicas, resources }, shared));
  return workloadEntries('query_frontend', 'deployment', objects);
}
