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
import { INGESTER_GRACE_SECONDS } from './write.js';

export type IngesterObjects = NamedWorkloadObjects<'ingester', 'statefulset', IStatefulSet>;

/** microservices: ingesters build chunks in memory, keep a WAL on their volume and flush chunks to object storage. */
export function ingester(context: BuildContext<LokiConfig>, database: GrafanaDatabase): IngesterObjects {
  const { replicas, resources, storageSize, storageClassName } = context.config.ingester;
  const objects = statefulSet(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.ingester,
      stage: DATABASE_STAGES.stateful,
      target: 'ingester',
      replicas,
      resources,
      storage: { storageSize, storageClassName },
      terminationGracePeriodSeconds: INGESTER_GRACE_SECONDS,
    }),
  );
  return namedWorkloadObjects('ingester', 'statefulset', objects);
}
