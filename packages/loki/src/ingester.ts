import { statefulSet, type BuildContext, type IStatefulSet } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { lokiWorkload, workloadEntries, type CompanionEntries, type LokiShared } from './pod.js';
import { INGESTER_GRACE_SECONDS } from './write.js';

export type IngesterObjects = { ingester_statefulset: IStatefulSet } & CompanionEntries<'ingester'>;

/** microservices: ingesters build chunks in memory, keep a WAL on their volume and flush chunks to object storage. */
export function ingester(context: BuildContext<LokiConfig>, shared: LokiShared): IngesterObjects {
  const { replicas, resources, storageSize, storageClassName } = context.config.ingester;
  const objects = statefulSet(context, lokiWorkload(context, {
    name: SERVICE_NAMES.ingester,
    target: 'ingester',
    replicas,
    resources,
    storage: { storageSize, storageClassName },
    terminationGracePeriodSeconds: INGESTER_GRACE_SECONDS,
  }, shared));
  return workloadEntries('ingester', 'statefulset', objects);
}
