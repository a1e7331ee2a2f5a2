import { discoveryService, type IService } from '@platform/core';
import type { DatabaseTargetObjects } from '@platform/grafana-databases';
import { QUERY_SCHEDULER_DISCOVERY, WORKLOAD } from './layout.js';
import { type MimirBuild, mimirTarget } from './pods.js';

/** The query-schedulers' objects. */
export type QuerySchedulerObjects = DatabaseTargetObjects<'query-scheduler', 'deployment'> & {
  query_scheduler_discovery_service: IService;
};

/**
 * Query-schedulers hold the per-tenant queues between query-frontends and queriers. Both find every scheduler
 * through the headless `query-scheduler-discovery` Service, which lists pods before they are ready so a
 * starting scheduler gets connections at once.
 */
export function queryScheduler(build: MimirBuild): QuerySchedulerObjects {
  const objects = mimirTarget(build, 'deployment', 'queryScheduler', {
    ringMember: false,
    objectStorage: false,
    terminationGracePeriodSeconds: 180,
    antiAffinity: 'required',
    rollout: { maxSurge: 1, maxUnavailable: 0 },
  });
  const { ports } = objects.query_scheduler_service!.spec!;
  const discovery = discoveryService(build.context, QUERY_SCHEDULER_DISCOVERY, WORKLOAD.queryScheduler, ports!);
  return { ...objects, query_scheduler_discovery_service: discovery };
}
