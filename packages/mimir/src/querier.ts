import { deployment, type IDeployment, type IPodDisruptionBudget, type IService, type IServiceMonitor } from '@platform/core';
import { WORKLOAD } from './layout.js';
import { mimirWorkloadOptions, type MimirBuild } from './pods.js';

/** The queriers' objects. */
export type QuerierObjects = {
  querier_deployment: IDeployment;
  querier_service: IService;
  querier_pdb?: IPodDisruptionBudget;
  querier_servicemonitor?: IServiceMonitor;
};

/**
 * Queriers pull queries from the query-schedulers and evaluate them over recent data in ingesters and
 * older blocks in store-gateways (both found through their hash rings, hence ring members).
 */
export function querier(build: MimirBuild): QuerierObjects {
  const { workload, service, pdb, serviceMonitor } = deployment(build.context, mimirWorkloadOptions(build, {
    name: WORKLOAD.querier,
    settings: build.context.config.querier,
    ringMember: true,
    objectStorage: true,
    terminationGracePeriodSeconds: 180,
    antiAffinity: 'preferred',
    rollout: { maxSurge: '15%', maxUnavailable: 0 },
  }));
  return {
    querier_deployment: workload,
    querier_service: service!,
    ...(pdb ? { querier_pdb: pdb } : {}),
    ...(serviceMonitor ? { querier_servicemonitor: serviceMonitor } : {}),
  };
}
