import { deployment, type BuildContext, type IDeployment } from '@platform/core';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { tempoWorkload, workloadEntries, type CompanionEntries, type TempoShared } from './pod.js';

export type BackendWorkerObjects = { backend_worker_deployment: IDeployment } & CompanionEntries<'backend_worker'>;

/** microservices: backend-workers pull jobs from the scheduler, compact blocks, apply retention and poll the blocklist. */
export function backendWorker(context: BuildContext<TempoConfig>, shared: TempoShared): BackendWorkerObjects {
  const { replicas, resources } = context.config.backendWorker;
  const objects = deployment(context, {
    ...tempoWorkload(context, { name: SERVICE_NAMES.backendWorker, target: 'backend-worker', replicas, resources }, shared),
    // Workers finish their current job on shutdown (`finish_on_shutdown_timeout`, 30s).
    terminationGracePeriodSeconds: 60,
  });
  return workloadEntries('backend_worker', 'deployment', objects);
}
