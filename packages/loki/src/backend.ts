import { statefulSet, type BuildContext, type IService, type IStatefulSet } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { headlessService, lokiWorkload, workloadEntries, type CompanionEntries, type LokiShared } from './pod.js';

export type BackendObjects = { backend_statefulset: IStatefulSet; backend_headless_service: IService } & CompanionEntries<'backend'>;

/**
 * simple-scalable backend: `-target=backend` runs the compactor, index-gateway, query-scheduler and ruler, each
 * needing local disk (compactor work, index cache, ruler WAL). A ClusterIP Service carries compactor requests;
 * a headless one lets queriers reach every index-gateway.
 */
export function backend(context: BuildContext<LokiConfig>, shared: LokiShared): BackendObjects {
  const { replicas, resources, storageSize, storageClassName } = context.config.backend;
  const options = lokiWorkload(context, {
    name: SERVICE_NAMES.backend,
    target: 'backend',
    replicas,
    resources,
    storage: { storageSize, storageClassName },
  }, shared);
  const objects = statefulSet(context, { ...options, service: { ...(options.service || {}), headless: false } });
  return {
    ...workloadEntries('backend', 'statefulset', objects),
    backend_headless_service: headlessService(context, SERVICE_NAMES.backendHeadless, SERVICE_NAMES.backend),
  };
}
