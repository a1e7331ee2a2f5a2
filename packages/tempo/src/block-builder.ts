import { statefulSet, type BuildContext, type IStatefulSet } from '@platform/core';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { tempoWorkload, workloadEntries, type CompanionEntries, type TempoShared } from './pod.js';

export type BlockBuilderObjects = { block_builder_statefulset: IStatefulSet } & CompanionEntries<'block_builder'>;

/**
 * microservices: block-builders consume Kafka in cycles, write Parquet blocks to object storage and commit
 * offsets. A StatefulSet because pod `block-builder-N` owns partitions `N*k .. N*k+k-1`
 * (`block_builder.partitions_per_instance` = k); the scratch space for one cycle is an emptyDir.
 */
export function blockBuilder(context: BuildContext<TempoConfig>, shared: TempoShared): BlockBuilderObjects {
  const { replicas, resources, scratchSize } = context.config.blockBuilder;
  const objects = statefulSet(context, tempoWorkload(context, {
    name: SERVICE_NAMES.blockBuilder,
    target: 'block-builder',
    replicas,
    resources,
    scratchSize,
    terminationGracePeriodSeconds: 60,
  }, shared));
  return workloadEntries('block_builder', 'statefulset', objects);
}
