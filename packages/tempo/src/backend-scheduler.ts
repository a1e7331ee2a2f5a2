import {
  type BuildContext,
  type IStatefulSet,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
  statefulSet,
} from '@platform/core';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type BackendSchedulerObjects = NamedWorkloadObjects<'backend_scheduler', 'statefulset', IStatefulSet>;

/**
 * microservices: the backend-scheduler (replacing Tempo 2's compactor together with the workers) plans
 * compaction, retention and redaction jobs. A singleton; its work cache lives on a volume (and is flushed to
 * object storage) so a restart resumes where it stopped.
 */
export function backendScheduler(
  context: BuildContext<TempoConfig>,
  database: GrafanaDatabase,
): BackendSchedulerObjects {
  const { resources, storageSize, storageClassName } = context.config.backendScheduler;
  const objects = statefulSet(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.backendScheduler,
      stage: DATABASE_STAGES.stateful,
      target: 'backend-scheduler',
      replicas: 1,
      resources,
      storage: { storageSize, storageClassName },
    }),
  );
  return namedWorkloadObjects('backend_scheduler', 'statefulset', objects);
}
