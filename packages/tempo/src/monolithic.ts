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
import { OTLP_PORTS } from './pod.js';

export type MonolithicObjects = NamedWorkloadObjects<'tempo', 'statefulset', IStatefulSet>;

/**
 * monolithic: one `-target=all` pod runs every component in-process; the distributor hands spans straight to
 * the live-store and metrics-generator, so no Kafka is needed. Tempo 3 runs one monolithic instance (its
 * scalable single-binary mode was removed), hence no replica setting. WAL and blocks live on its volume.
 */
export function monolithic(context: BuildContext<TempoConfig>, database: GrafanaDatabase): MonolithicObjects {
  const { resources, storageSize, storageClassName } = context.config.monolithic;
  const options = targetWorkload(database, {
    name: SERVICE_NAMES.monolithic,
    stage: DATABASE_STAGES.stateful,
    target: 'all',
    replicas: 1,
    resources,
    extraPorts: OTLP_PORTS,
    storage: { storageSize, storageClassName },
  });
  const objects = statefulSet(context, { ...options, service: { ...(options.service || {}), headless: false } });
  return namedWorkloadObjects('tempo', 'statefulset', objects);
}
