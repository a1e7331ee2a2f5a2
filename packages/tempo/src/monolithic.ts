import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

import { OTLP_PORTS } from './pod.js';

export type MonolithicObjects = DatabaseTargetObjects<'tempo', 'statefulset'>;

/**
 * monolithic: one `-target=all` pod runs every component in-process; the distributor hands spans straight to
 * the live-store and metrics-generator, so no Kafka is needed. Tempo 3 runs one monolithic instance (its
 * scalable single-binary mode was removed), hence no replica setting. WAL and blocks live on its volume.
 */
export function monolithic(context: BuildContext<TempoConfig>, database: GrafanaDatabase): MonolithicObjects {
  const target = {
    name: SERVICE_NAMES.monolithic,
    target: 'all',
    ...context.config.monolithic,
    extraPorts: OTLP_PORTS,
  };
  return databaseTarget(context, database, 'statefulset', target, { service: { headless: false } });
}
