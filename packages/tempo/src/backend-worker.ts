import {
  type BuildContext,
  deployment,
  type IDeployment,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
} from '@platform/core';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type BackendWorkerObjects = NamedWorkloadObjects<'backend_worker', 'deployment', IDeployment>;

/** microservices: backend-workers pull jobs from the scheduler, compact blocks, apply retention and poll the blocklist. */
export function backendWorker(context: BuildContext<TempoConfig>, database: GrafanaDatabase): BackendWorkerObjects {
  const { replicas, resources } = context.config.backendWorker;
  const objects = deployment(context, {
    ...targetWorkload(database, {
      name: SERVICE_NAMES.backendWorker,
      target: 'backend-worker',
      replicas,
      resources,
      stage: DATABASE_STAGES.stateless,
    }),
    // Workers finish their current job on shutdown (`finish_on_shutdown_timeout`, 30s).
    terminationGracePeriodSeconds: 60,
  });
  return namedWorkloadObjects('backend_worker', 'deployment', objects);
}
