import {
  type BuildContext,
  discoveryService,
  type IService,
  type IStatefulSet,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
  statefulSet,
} from '@platform/core';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type BackendObjects = NamedWorkloadObjects<'backend', 'statefulset', IStatefulSet> & {
  backend_headless_service: IService;
};

/**
 * simple-scalable backend: `-target=backend` runs the compactor, index-gateway, query-scheduler and ruler, each
 * needing local disk (compactor work, index cache, ruler WAL). A ClusterIP Service carries compactor requests;
 * a headless one lets queriers reach every index-gateway.
 */
export function backend(context: BuildContext<LokiConfig>, database: GrafanaDatabase): BackendObjects {
  const { replicas, resources, storageSize, storageClassName } = context.config.backend;
  const options = targetWorkload(database, {
    name: SERVICE_NAMES.backend,
    stage: DATABASE_STAGES.stateful,
    target: 'backend',
    replicas,
    resources,
    storage: { storageSize, storageClassName },
  });
  const objects = statefulSet(context, { ...options, service: { ...(options.service || {}), headless: false } });
  return {
    ...namedWorkloadObjects('backend', 'statefulset', objects),
    backend_headless_service: discoveryService(
      context,
      SERVICE_NAMES.backendHeadless,
      SERVICE_NAMES.backend,
      objects.service!.spec!.ports!,
    ),
  };
}
