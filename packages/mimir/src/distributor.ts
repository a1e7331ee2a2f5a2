import type { DatabaseTargetObjects } from '@platform/grafana-databases';
import { type MimirBuild, mimirTarget } from './pods.js';

/** The distributor's objects. */
export type DistributorObjects = DatabaseTargetObjects<'distributor', 'deployment'>;

/**
 * Distributors validate remote-write pushes, apply per-tenant rate limits and the HA tracker, and write each
 * series to `replicationFactor` ingesters. Stateless, behind a ClusterIP Service the push clients use.
 */
export function distributor(build: MimirBuild): DistributorObjects {
  return mimirTarget(build, 'deployment', 'distributor', {
    objectStorage: false,
    // As in Grafana's Jsonnet: recycle client connections so load re-balances after scaling, and keep serving
    // for 90 s after SIGTERM while clients notice the pod is gone.
    flags: {
      'server.grpc.keepalive.max-connection-age': '60s',
      'server.grpc.keepalive.max-connection-age-grace': '5m',
      'server.grpc.keepalive.max-connection-idle': '1m',
      'server.grpc-max-concurrent-streams': 1000,
      'shutdown-delay': '90s',
    },
    terminationGracePeriodSeconds: 100,
    antiAffinity: 'preferred',
    rollout: { maxSurge: '15%', maxUnavailable: 0 },
  });
}
