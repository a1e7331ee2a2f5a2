import {
  deployment,
  discoveryService,
  type IDeployment,
  type IService,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
} from '@platform/core';
import { DATABASE_STAGES } from '@platform/grafana-databases';
import { QUERY_SCHEDULER_DISCOVERY, WORKLOAD } from './layout.js';
import { type MimirBuild, mimirWorkloadOptions } from './pods.js';

/** The query-schedulers' objects. */
export type QuerySchedulerObjects = NamedWorkloadObjects<'query_scheduler', 'deployment', IDeployment> & {
  query_scheduler_discovery_service: IService;
};

/**
 * Query-schedulers hold the per-tenant queues between query-frontends and queriers. Both find every scheduler
 * through the headless `query-scheduler-discovery` Service, which lists pods before they are ready so a
 * starting scheduler gets connections at once.
 */
export function queryScheduler(build: MimirBuild): QuerySchedulerObjects {
  const objects = deployment(
    build.context,
    mimirWorkloadOptions(build, {
      name: WORKLOAD.queryScheduler,
      stage: DATABASE_STAGES.stateless,
      settings: build.context.config.queryScheduler,
      ringMember: false,
      objectStorage: false,
      terminationGracePeriodSeconds: 180,
      antiAffinity: 'required',
      rollout: { maxSurge: 1, maxUnavailable: 0 },
    }),
  );
  return {
    ...namedWorkloadObjects('query_scheduler', 'deployment', objects),
    query_scheduler_discovery_service: discoveryService(
      build.context,
      QUERY_SCHEDULER_DISCOVERY,
      WORKLOAD.queryScheduler,
      objects.service!.spec!.ports!,
    ),
  };
}
