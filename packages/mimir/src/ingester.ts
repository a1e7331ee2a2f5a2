import { type IStatefulSet, type NamedWorkloadObjects, namedWorkloadObjects, statefulSet } from '@platform/core';
import { DATABASE_STAGES } from '@platform/grafana-databases';
import { WORKLOAD } from './layout.js';
import { type MimirBuild, mimirWorkloadOptions } from './pods.js';

/** The ingesters' objects. */
export type IngesterObjects = NamedWorkloadObjects<'ingester', 'statefulset', IStatefulSet>;

/**
 * Ingesters hold the last hours of samples in a TSDB head with a write-ahead log on a persistent volume and
 * ship 2h blocks to object storage. One pod per node, so a node loss costs one replica of each series.
 */
export function ingester(build: MimirBuild): IngesterObjects {
  const settings = build.context.config.ingester;
  return namedWorkloadObjects(
    'ingester',
    'statefulset',
    statefulSet(
      build.context,
      mimirWorkloadOptions(build, {
        name: WORKLOAD.ingester,
        stage: DATABASE_STAGES.stateful,
        settings,
        ringMember: true,
        objectStorage: true,
        flags: {
          'server.grpc-max-concurrent-streams': 500,
          // A restarted ingester must rejoin the ring before it serves, or it would own no series.
          'memberlist.abort-if-fast-join-fails': true,
        },
        volume: settings.storage,
        terminationGracePeriodSeconds: 1200,
        antiAffinity: 'required',
      }),
    ),
  );
}
