import { type BuildContext, discoveryService, type IService } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type BackendObjects = DatabaseTargetObjects<'backend', 'statefulset'> & { backend_headless_service: IService };

/**
 * simple-scalable backend: `-target=backend` runs the compactor, index-gateway, query-scheduler and ruler, each
 * needing local disk (compactor work, index cache, ruler WAL). A ClusterIP Service carries compactor requests;
 * a headless one lets queriers reach every index-gateway.
 */
export function backend(context: BuildContext<LokiConfig>, database: GrafanaDatabase): BackendObjects {
  const target = { name: SERVICE_NAMES.backend, ...context.config.backend };
  const objects = databaseTarget(context, database, 'statefulset', target, { service: { headless: false } });
  const { ports } = objects.backend_service!.spec!;
  return {
    ...objects,
    backend_headless_service: discoveryService(context, SERVICE_NAMES.backendHeadless, SERVICE_NAMES.backend, ports!),
  };
}
