import type { DatabaseTargetObjects } from '@platform/grafana-databases';
import { type MimirBuild, mimirTarget } from './pods.js';

/** The ingesters' objects. */
export type IngesterObjects = DatabaseTargetObjects<'ingester', 'statefulset'>;

/**
 * Ingesters hold the last hours of samples in a TSDB head with a write-ahead log on a persistent volume and
 * ship 2h blocks to object storage. One pod per node, so a node loss costs one replica of each series.
 */
export function ingester(build: MimirBuild): IngesterObjects {
  return mimirTarget(build, 'statefulset', 'ingester', {
    flags: {
      'server.grpc-max-concurrent-streams': 500,
      // A restarted ingester must rejoin the ring before it serves, or it would own no series.
      'memberlist.abort-if-fast-join-fails': true,
    },
    terminationGracePeriodSeconds: 1200,
    antiAffinity: 'required',
  });
}
