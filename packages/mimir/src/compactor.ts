import type { DatabaseTargetObjects } from '@platform/grafana-databases';
import { type MimirBuild, mimirTarget } from './pods.js';

/** The compactors' objects. */
export type CompactorObjects = DatabaseTargetObjects<'compactor', 'statefulset'>;

/**
 * Compactors merge the ingesters' 2h blocks into 12h and 24h blocks, keep the bucket index up to date and
 * delete blocks past the retention period. Blocks being compacted are downloaded to the persistent volume.
 */
export function compactor(build: MimirBuild): CompactorObjects {
  return mimirTarget(build, 'statefulset', 'compactor', {
    terminationGracePeriodSeconds: 900,
    antiAffinity: 'preferred',
  });
}
