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

export type QuerySchedulerObjects = NamedWorkloadObjects<'query_scheduler', 'deployment', IDeployment>;

/**
 * microservices: per-tenant query queues between frontends and queriers. Both resolve the headless Service to
 * every scheduler pod (including starting ones), so it publishes not-ready addresses.
 */
export function queryScheduler(context: BuildContext<LokiConfig>, database: GrafanaDatabase): QuerySchedulerObjects {
  const { replicas, resources } = context.config.queryScheduler;
  const options = targetWorkload(database, {
    name: SERVICE_NAMES.queryScheduler,
    target: 'query-scheduler',
    replicas,
    resources,
    stage: DATABASE_STAGES.stateless,
  });
  const objects = deployment(context, {
    ...options,
    service: { ...(options.service || {}), headless: true, publishNotReadyAddresses: true },
  });
  return namedWorkloadObjects('query_scheduler', 'deployment', objects);
}
