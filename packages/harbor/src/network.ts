import {
  addressPort,
  type BuildContext,
  type EgressRule,
  type NetworkAccess,
  type PostgresEndpoint,
  type RedisEndpoint,
} from '@platform/core';
import { partLabels } from './chart.js';
import type { HarborConfig } from './config.js';

/**
 * Harbor's traffic beyond its namespace (its parts talk to each other inside it). Every part uses the database
 * and Redis (least-privilege egress to exactly the pods behind their published addresses); the registry stores
 * blobs in the object storage; core fetches from the upstream registries for the proxy cache (HTTPS, addresses
 * outside the cluster, so to any address on 443); Trivy downloads its vulnerability database the same way.
 * Pulls reach nginx only through the environment's edge (the route), whose ingress the core derives.
 */
export function networkAccess(
  context: BuildContext<HarborConfig>,
  endpoints: { database: PostgresEndpoint; redis: RedisEndpoint },
): NetworkAccess {
  const { database, redis } = endpoints;
  // Built here rather than with egressToEndpoints: a PostgresEndpoint's host carries no port (it is `port`).
  const toDatabase: EgressRule = {
    name: `to-${database.component}-postgres`,
    to: [{ component: database.component, podLabels: database.pods.host }],
    ports: [database.port],
  };
  const toRedis: EgressRule = {
    name: `to-${redis.component}-redis`,
    to: [{ component: redis.component, podLabels: redis.pods.address }],
    ports: [addressPort(redis.address)],
  };
  return {
    egress: [
      toDatabase,
      toRedis,
      { name: 'object-storage', to: 'objectStorage', podLabels: partLabels('registry') },
      { name: 'upstream-registries', to: 'any', ports: [443], podLabels: partLabels('core') },
      ...(context.config.trivy.enabled
        ? [{ name: 'trivy-database', to: 'any' as const, ports: [443], podLabels: partLabels('trivy') }]
        : []),
    ],
  };
}
