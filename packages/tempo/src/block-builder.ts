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

export type BlockBuilderObjects = NamedWorkloadObjects<'block_builder', 'statefulset', IStatefulSet>;

/**
 * microservices: block-builders consume Kafka in cycles, write Parquet blocks to object storage and commit
 * offsets. A StatefulSet because pod `block-builder-N` owns partitions `N*k .. N*k+k-1`
 * (`block_builder.partitions_per_instance` = k); the scratch space for one cycle is an emptyDir.
 */
export function blockBuilder(context: BuildContext<TempoConfig>, database: GrafanaDatabase): BlockBuilderObjects {
  const { replicas, resources, scratchSize } = context.config.blockBuilder;
  const objects = statefulSet(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.blockBuilder,
      stage: DATABASE_STAGES.stateful,
      target: 'block-builder',
      replicas,
      resources,
      scratchSize,
      terminationGracePeriodSeconds: 60,
    }),
  );
  return namedWorkloadObjects('block_builder', 'statefulset', objects);
}
