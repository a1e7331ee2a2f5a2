import { statefulSet, type IPodDisruptionBudget, type IService, type IServiceMonitor, type IStatefulSet } from '@platform/core';
import { WORKLOAD } from './layout.js';
import { mimirWorkloadOptions, type MimirBuild } from './pods.js';

/** The compactors' objects. */
export type CompactorObjects = {
  compactor_statefulset: IStatefulSet;
  compactor_service: IService;
  compactor_pdb?: IPodDisruptionBudget;
  compactor_servicemonitor?: IServiceMonitor;
};

/**
 * Compactors merge the ingesters' 2h blocks into 12h and 24h blocks, keep the bucket index up to date and
 * delete blocks past the retention period. Blocks being compacted are downloaded to the persistent volume.
 */
export function compactor(build: MimirBuild): CompactorObjects {
  const settings = build.context.config.compactor;
  const { workload, service, pdb, serviceMonitor } = statefulSet(build.context, mimirWorkloadOptions(build, {
    name: WORKLOAD.compactor,
    settings,
    ringMember: true,
    objectStorage: true,
    volume: settings.storage,
    terminationGracePeriodSeconds: 900,
    antiAffinity: 'preferred',
  }));
  return {
    compactor_statefulset: workload,
    compactor_service: service!,
    ...(pdb ? { compactor_pdb: pdb } : {}),
    ...(serviceMonitor ? { compactor_servicemonitor: serviceMonitor } : {}),
  };
}
