import { statefulSet, type BuildContext, type IStatefulSet } from '@platform/core';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { tempoWorkload, workloadEntries, type CompanionEntries, type TempoShared } from './pod.js';

export type MonolithicObjects = { tempo_statefulset: IStatefulSet } & CompanionEntries<'tempo'>;

/**
 * monolithic: one `-target=all` pod runs every component in-process; the distributor hands spans straight to
 * the live-store and metrics-generator, so no Kafka is needed. Tempo 3 runs one monolithic instance (its
 * scalable single-binary mode was removed), hence no replica setting. WAL and blocks live on its volume.
 */
export function monolithic(context: BuildContext<TempoConfig>, shared: TempoShared): MonolithicObjects {
  const { resources, storageSize, storageClassName } = context.config.monolithic;
  const options = tempoWorkload(context, {
    name: SERVICE_NAMES.monolithic,
    target: 'all',
    replicas: 1,
    resources,
    otlp: true,
    storage: { storageSize, storageClassName },
  }, shared);
  const objects = statefulSet(context, { ...options, service: { ...(options.service || {}), headless: false } });
  return workloadEntries('tempo', 'statefulset', objects);
}
