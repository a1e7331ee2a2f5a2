import type { DatabaseTargetObjects } from '@platform/grafana-databases';
import { type MimirBuild, mimirTarget } from './pods.js';

/** The store-gateways' objects. */
export type StoreGatewayObjects = DatabaseTargetObjects<'store-gateway', 'statefulset'>;

/**
 * Store-gateways shard the blocks in object storage between them (each block on `replicationFactor` of them),
 * keep index-headers on a persistent volume and answer queriers from the chunks, index and metadata caches.
 */
export function storeGateway(build: MimirBuild): StoreGatewayObjects {
  const settings = build.context.config.storeGateway;
  return mimirTarget(build, 'statefulset', 'storeGateway', {
    flags: { 'server.grpc-max-send-msg-size-bytes': 209715200 },
    terminationGracePeriodSeconds: 120,
    antiAffinity: 'required',
    // Every block lives on replicationFactor store-gateways: all but one copy may be down at once.
    pdb: { maxUnavailable: Math.max(1, settings.replicationFactor - 1) },
  });
}
