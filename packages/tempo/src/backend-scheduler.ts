import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type BackendSchedulerObjects = DatabaseTargetObjects<'backend-scheduler', 'statefulset'>;

/**
 * microservices: the backend-scheduler (replacing Tempo 2's compactor together with the workers) plans
 * compaction, retention and redaction jobs. A singleton; its work cache lives on a volume (and is flushed to
 * object storage) so a restart resumes where it stopped.
 */
export function backendScheduler(
  context: BuildContext<TempoConfig>,
  database: GrafanaDatabase,
): BackendSchedulerObjects {
  const target = { name: SERVICE_NAMES.backendScheduler, ...context.config.backendScheduler };
  return databaseTarget(context, database, 'statefulset', target);
}
