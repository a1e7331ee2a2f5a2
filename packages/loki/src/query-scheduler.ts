import { deployment, type BuildContext, type IDeployment } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { lokiWorkload, workloadEntries, type CompanionEntries, type LokiShared } from './pod.js';

export type QuerySchedulerObjects = { query_scheduler_deployment: IDeployment } & CompanionEntries<'query_scheduler'>;

/**
 * microservices: per-tenant query queues between frontends and queriers. Both resolve the headless Service to
 * every scheduler pod (including starting ones), so it publishes not-ready addresses.
 */
export function queryScheduler(context: BuildContext<LokiConfig>, shared: LokiShared): QuerySchedulerObjects {
  const { replicas, resources } = context.config.queryScheduler;
  const options = lokiWorkload(context, { name: SERVICE_NAMES.queryScheduler, target: 'query-scheduler', replicas, resources }, shared);
  const objects = deployment(context, { ...options, service: { ...(options.service || {}), headless: true, publishNotReadyAddresses: true } });
  return workloadEntries('query_scheduler', 'deployment', objects);
}
