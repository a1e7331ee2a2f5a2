import { statefulSet, type BuildContext, type IStatefulSet } from '@platform/core';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { tempoWorkload, workloadEntries, type CompanionEntries, type TempoShared } from './pod.js';

export type BackendSchedulerObjects = { backend_scheduler_statefulset: IStatefulSet } & CompanionEntries<'backend_scheduler'>;

/**
 * microservices: the backend-scheduler (replacing Tempo 2's compactor together with the workers) plans
 * compaction, retention and redaction jobs. A singleton; its work cache lives on a volume (and is flushed to
 * object storage) so a restart resumes where it stopped.
 */
export function backendScheduler(context: BuildContext<TempoConfig>, shared: TempoShared): BackendSchedulerObjects {
  const { resources, storageSize, storageClassName } = context.config.backendScheduler;
  const objects = statefulSet(context, tempoWorkload(context, {
    name: SERVICE_NAMES.backendScheduler,
    target: 'backend-scheduler',
    replicas: 1,
    resources,
    storage: { storageSize, storageClassName },
  }, shared));
  return workloadEntries('backend_scheduler', 'statefulset', objects);
}
