import { statefulSet, type BuildContext, type IStatefulSet } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { lokiWorkload, workloadEntries, type CompanionEntries, type LokiShared } from './pod.js';

export type CompactorObjects = { compactor_statefulset: IStatefulSet } & CompanionEntries<'compactor'>;

/** microservices: the one compactor merges index files, applies retention and serves delete requests. */
export function compactor(context: BuildContext<LokiConfig>, shared: LokiShared): CompactorObjects {
  const { resources, storageSize, storageClassName } = context.config.compactor;
  const objects = statefulSet(context, lokiWorkload(context, {
    name: SERVICE_NAMES.compactor,
    target: 'compactor',
    replicas: 1,
    resources,
    storage: { storageSize, storageClassName },
  }, shared));
  return workloadEntries('compactor', 'statefulset', objects);
}
