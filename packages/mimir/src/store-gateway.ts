import { type IStatefulSet, type NamedWorkloadObjects, namedWorkloadObjects, statefulSet } from '@platform/core';
import { DATABASE_STAGES } from '@platform/grafana-databases';
import { WORKLOAD } from './layout.js';
import { type MimirBuild, mimirWorkloadOptions } from './pods.js';

/** The store-gateways' objects. */
export type StoreGatewayObjects = NamedWorkloadObjects<'store_gateway', 'statefulset', IStatefulSet>;

/**
 * Store-gateways shard the blocks in object storage between them (each block on `replicationFactor` of them),
 * keep index-headers on a persistent volume and answer queriers from the chunks, index and metadata caches.
 */
export function storeGateway(build: MimirBuild): StoreGatewayObjects {
  const settings = build.context.config.storeGateway;
  return namedWorkloadObjects(
    'store_gateway',
    'statefulset',
    statefulSet(
      build.context,
      mimirWorkloadOptions(build, {
        name: WORKLOAD.storeGateway,
        stage: DATABASE_STAGES.stateful,
        settings,
        ringMember: true,
        objectStorage: true,
        flags: { 'server.grpc-max-send-msg-size-bytes': 209715200 },
        volume: settings.storage,
        terminationGracePeriodSeconds: 120,
        antiAffinity: 'required',
        // Every block lives on replicationFactor store-gateways: all but one copy may be down at once.
        pdb: { maxUnavailable: Math.max(1, settings.replicationFactor - 1) },
      }),
    ),
  );
}
