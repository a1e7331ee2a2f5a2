import { deployment, type IDeployment, type NamedWorkloadObjects, namedWorkloadObjects } from '@platform/core';
import { DATABASE_STAGES } from '@platform/grafana-databases';
import { WORKLOAD } from './layout.js';
import { type MimirBuild, mimirWorkloadOptions } from './pods.js';

/** The queriers' objects. */
export type QuerierObjects = NamedWorkloadObjects<'querier', 'deployment', IDeployment>;

/**
 * Queriers pull queries from the query-schedulers and evaluate them over recent data in ingesters and
 * older blocks in store-gateways (both found through their hash rings, hence ring members).
 */
export function querier(build: MimirBuild): QuerierObjects {
  return namedWorkloadObjects(
    'querier',
    'deployment',
    deployment(
      build.context,
      mimirWorkloadOptions(build, {
        name: WORKLOAD.querier,
        stage: DATABASE_STAGES.stateless,
        settings: build.context.config.querier,
        ringMember: true,
        objectStorage: true,
        terminationGracePeriodSeconds: 180,
        antiAffinity: 'preferred',
        rollout: { maxSurge: '15%', maxUnavailable: 0 },
      }),
    ),
  );
}
