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

export type CompactorObjects = NamedWorkloadObjects<'compactor', 'statefulset', IStatefulSet>;

/** microservices: the one compactor merges index files, applies retention and serves delete requests. */
export function compactor(context: BuildContext<LokiConfig>, database: GrafanaDatabase): CompactorObjects {
  const { resources, storageSize, storageClassName } = context.config.compactor;
  const objects = statefulSet(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.compactor,
      stage: DATABASE_STAGES.stateful,
      target: 'compactor',
      replicas: 1,
      resources,
      storage: { storageSize, storageClassName },
    }),
  );
  return namedWorkloadObjects('compactor', 'statefulset', objects);
}
