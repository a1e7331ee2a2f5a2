import {
  type BuildContext,
  type IStatefulSet,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
  statefulSet,
} from '@platform/core';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type WriteObjects = NamedWorkloadObjects<'write', 'statefulset', IStatefulSet>;

/** Time an ingester gets to hand over or flush its in-memory streams before it is killed. */
export const INGESTER_GRACE_SECONDS = 300;

/**
 * simple-scalable write path: `-target=write` runs distributors and ingesters. A StatefulSet so that each
 * ingester keeps its WAL on its own volume across restarts. Clients push through a ClusterIP Service.
 */
export function write(context: BuildContext<LokiConfig>, database: GrafanaDatabase): WriteObjects {
  const { replicas, resources, storageSize, storageClassName } = context.config.write;
  const options = targetWorkload(database, {
    name: SERVICE_NAMES.write,
    stage: DATABASE_STAGES.stateful,
    target: 'write',
    replicas,
    resources,
    storage: { storageSize, storageClassName },
    terminationGracePeriodSeconds: INGESTER_GRACE_SECONDS,
  });
  const objects = statefulSet(context, { ...options, service: { ...(options.service || {}), headless: false } });
  return namedWorkloadObjects('write', 'statefulset', objects);
}
