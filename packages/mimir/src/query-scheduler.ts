import { deployment, type IDeployment, type IPodDisruptionBudget, type IService, type IServiceMonitor } from '@platform/core';
import { QUERY_SCHEDULER_DISCOVERY, WORKLOAD } from './layout.js';
import { mimirWorkloadOptions, type MimirBuild } from './pods.js';

/** The query-schedulers' objects. */
export type QuerySchedulerObjects = {
  query_scheduler_deployment: IDeployment;
  query_scheduler_service: IService;
  query_scheduler_discovery_service: IService;
  query_scheduler_pdb?: IPodDisruptionBudget;
  query_scheduler_servicemonitor?: IServiceMonitor;
};

/**
 * Query-schedulers hold the per-tenant queues between query-frontends and queriers. Both find every scheduler
 * through the headless `query-scheduler-discovery` Service, which lists pods before they are ready so a
 * starting scheduler gets connections at once.
 */
export function queryScheduler(build: MimirBuild): QuerySchedulerObjects {
  const { workload, service, pdb, serviceMonitor } = deployment(build.context, mimirWorkloadOptions(build, {
    name: WORKLOAD.queryScheduler,
    settings: build.context.config.queryScheduler,
    ringMember: false,
    objectStorage: false,
    terminationGracePeriodSeconds: 180,
    antiAffinity: 'required',
    rollout: { maxSurge: 1, maxUnavailable: 0 },
  }));
  const discovery = {
    ...service!,
    metadata: { ...service!.metadata, name: QUERY_SCHEDULER_DISCOVERY },
    spec: { ...service!.spec, clusterIP: 'None', publishNotReadyAddresses: true },
  };
  return {
    query_scheduler_deployment: workload,
    query_scheduler_service: service!,
    query_scheduler_discovery_service: discovery,
    ...(pdb ? { query_scheduler_pdb: pdb } : {}),
    ...(serviceMonitor ? { query_scheduler_servicemonitor: serviceMonitor } : {}),
  };
}
