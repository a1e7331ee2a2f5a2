import { deployment, type IDeployment, type NamedWorkloadObjects, namedWorkloadObjects } from '@platform/core';
import { DATABASE_STAGES } from '@platform/grafana-databases';
import { WORKLOAD } from './layout.js';
import { type MimirBuild, mimirWorkloadOptions } from './pods.js';

/** The query-frontends' objects. */
export type QueryFrontendObjects = NamedWorkloadObjects<'query_frontend', 'deployment', IDeployment>;

/**
 * Query-frontends serve the Prometheus query API (`/prometheus`): they split and shard queries, answer from the
 * results cache and enqueue the rest at the query-schedulers.
 */
export function queryFrontend(build: MimirBuild): QueryFrontendObjects {
  return namedWorkloadObjects(
    'query_frontend',
    'deployment',
    deployment(
      build.context,
      mimirWorkloadOptions(build, {
        name: WORKLOAD.queryFrontend,
        stage: DATABASE_STAGES.stateless,
        settings: build.context.config.queryFrontend,
        ringMember: false,
        objectStorage: false,
        flags: {
          'server.grpc.keepalive.max-connection-age': '30s',
          'shutdown-delay': '90s',
        },
        terminationGracePeriodSeconds: 390,
        antiAffinity: 'preferred',
        rollout: { maxSurge: '15%', maxUnavailable: 0 },
      }),
    ),
  );
}
