import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type CompactorObjects = DatabaseTargetObjects<'compactor', 'statefulset'>;

/** microservices: the one compactor merges index files, applies retention and serves delete requests. */
export function compactor(context: BuildContext<LokiConfig>, database: GrafanaDatabase): CompactorObjects {
  const { compactor: settings } = context.config;
  return databaseTarget(context, database, 'statefulset', { name: SERVICE_NAMES.compactor, ...settings });
}
