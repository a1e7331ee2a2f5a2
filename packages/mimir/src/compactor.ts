import { type IStatefulSet, type NamedWorkloadObjects, namedWorkloadObjects, statefulSet } from '@platform/core';
import { DATABASE_STAGES } from '@platform/grafana-databases';
import { WORKLOAD } from './layout.js';
import { type MimirBuild, mimirWorkloadOptions } from './pods.js';

/** The compactors' objects. */
export type CompactorObjects = NamedWorkloadObjects<'compactor', 'statefulset', IStatefulSet>;

/**
 * Compactors merge the ingesters' 2h blocks into 12h and 24h blocks, keep the bucket index up to date and
 * delete blocks past the retention period. Blocks being compacted are downloaded to the persistent volume.
 */
export function compactor(build: MimirBuild): CompactorObjects {
  const settings = build.context.config.compactor;
  return namedWorkloadObjects(
    'compactor',
    'statefulset',
    statefulSet(
      build.context,
      mimirWorkloadOptions(build, {
        name: WORKLOAD.compactor,
        stage: DATABASE_STAGES.stateful,
        settings,
        ringMember: true,
        objectStorage: true,
        volume: settings.storage,
        terminationGracePeriodSeconds: 900,
        antiAffinity: 'preferred',
      }),
    ),
  );
}
