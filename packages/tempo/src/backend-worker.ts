import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type BackendWorkerObjects = DatabaseTargetObjects<'backend-worker', 'deployment'>;

/** microservices: backend-workers pull jobs from the scheduler, compact blocks, apply retention and poll the blocklist. */
export function backendWorker(context: BuildContext<TempoConfig>, database: GrafanaDatabase): BackendWorkerObjects {
  const { replicas, resources } = context.config.backendWorker;
  // Workers finish their current job on shutdown (`finish_on_shutdown_timeout`, 30s).
  const target = { name: SERVICE_NAMES.backendWorker, replicas, resources, terminationGracePeriodSeconds: 60 };
  return databaseTarget(context, database, 'deployment', target);
}
