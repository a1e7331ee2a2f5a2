import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type BlockBuilderObjects = DatabaseTargetObjects<'block-builder', 'statefulset'>;

/**
 * microservices: block-builders consume Kafka in cycles, write Parquet blocks to object storage and commit
 * offsets. A StatefulSet because pod `block-builder-N` owns partitions `N*k .. N*k+k-1`
 * (`block_builder.partitions_per_instance` = k); the scratch space for one cycle is an emptyDir.
 */
export function blockBuilder(context: BuildContext<TempoConfig>, database: GrafanaDatabase): BlockBuilderObjects {
  const target = {
    name: SERVICE_NAMES.blockBuilder,
    ...context.config.blockBuilder,
    terminationGracePeriodSeconds: 60,
  };
  return databaseTarget(context, database, 'statefulset', target);
}
