import type { DatabaseTargetObjects } from '@platform/grafana-databases';
import { type MimirBuild, mimirTarget } from './pods.js';

/** The query-frontends' objects. */
export type QueryFrontendObjects = DatabaseTargetObjects<'query-frontend', 'deployment'>;

/**
 * Query-frontends serve the Prometheus query API (`/prometheus`): they split and shard queries, answer from the
 * results cache and enqueue the rest at the query-schedulers.
 */
export function queryFrontend(build: MimirBuild): QueryFrontendObjects {
  return mimirTarget(build, 'deployment', 'queryFrontend', {
    ringMember: false,
    objectStorage: false,
    flags: { 'server.grpc.keepalive.max-connection-age': '30s', 'shutdown-delay': '90s' },
    terminationGracePeriodSeconds: 390,
    antiAffinity: 'preferred',
    rollout: { maxSurge: '15%', maxUnavailable: 0 },
  });
}
