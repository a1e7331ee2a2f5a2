import { deployment, type IDeployment, type IPodDisruptionBudget, type IService, type IServiceMonitor } from '@platform/core';
import { WORKLOAD } from './layout.js';
import { mimirWorkloadOptions, type MimirBuild } from './pods.js';

/** The query-frontends' objects. */
export type QueryFrontendObjects = {
  query_frontend_deployment: IDeployment;
  query_frontend_service: IService;
  query_frontend_pdb?: IPodDisruptionBudget;
  query_frontend_servicemonitor?: IServiceMonitor;
};

/**
 * Query-frontends serve the Prometheus query API (`/prometheus`): they split and shard queries, answer from the
 * results cache and enqueue the rest at the query-schedulers.
 */
export function queryFrontend(build: MimirBuild): QueryFrontendObjects {
  const { workload, service, pdb, serviceMonitor } = deployment(build.context, mimirWorkloadOptions(build, {
    name: WORKLOAD.queryFrontend,
    settings: build.context.config.queryFrontend,
    ringMember: false,
    objectStorage: false,
    flags: {
      'server.grpc.keepalive.max-connection-age': '30s',
      'shutdown-delay': '90s',
    },
    terminationGracePeriodSeconds: 390,
    antiAffinity: 'preferred',
    rollout: { maxSurge: '15%', maxUnavailable: 0 },
  }));
  return {
    query_frontend_deployment: workload,
    query_frontend_service: service!,
    ...(pdb ? { query_frontend_pdb: pdb } : {}),
    ...(serviceMonitor ? { query_frontend_servicemonitor: serviceMonitor } : {}),
  };
}
