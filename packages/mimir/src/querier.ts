import type { DatabaseTargetObjects } from '@platform/grafana-databases';
import { type MimirBuild, mimirTarget } from './pods.js';

/** The queriers' objects. */
export type QuerierObjects = DatabaseTargetObjects<'querier', 'deployment'>;

/**
 * Queriers pull queries from the query-schedulers and evaluate them over recent data in ingesters and
 * older blocks in store-gateways (both found through their hash rings, hence ring members).
 */
export function querier(build: MimirBuild): QuerierObjects {
  return mimirTarget(build, 'deployment', 'querier', {
    terminationGracePeriodSeconds: 180,
    antiAffinity: 'preferred',
    rollout: { maxSurge: '15%', maxUnavailable: 0 },
  });
}
