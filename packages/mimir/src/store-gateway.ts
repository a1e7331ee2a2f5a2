import { statefulSet, type IPodDisruptionBudget, type IService, type IServiceMonitor, type IStatefulSet } from '@platform/core';
import { WORKLOAD } from './layout.js';
import { mimirWorkloadOptions, type MimirBuild } from './pods.js';

/** The store-gateways' objects. */
export type StoreGatewayObjects = {
  store_gateway_statefulset: IStatefulSet;
  store_gateway_service: IService;
  store_gateway_pdb?: IPodDisruptionBudget;
  store_gateway_servicemonitor?: IServiceMonitor;
};

/**
 * Store-gateways shard the blocks in object storage between them (each block on `replicationFactor` of them),
 * keep index-headers on a persistent volume and answer queriers from the chunks, index and metadata caches.
 */
export function storeGateway(build: MimirBuild): StoreGatewayObjects {
  const settings = build.context.config.storeGateway;
  const { workload, service, pdb, serviceMonitor } = statefulSet(build.context, mimirWorkloadOptions(build, {
    name: WORKLOAD.storeGateway,
    settings,
    ringMember: true,
    objectStorage: true,
    flags: { 'server.grpc-max-send-msg-size-bytes': 209715200 },
    volume: settings.storage,
    terminationGracePeriodSeconds: 120,
    antiAffinity: 'required',
    // Every block lives on replicationFactor store-gateways: all but one copy may be down at once.
    pdb: { maxUnavailable: Math.max(1, settings.replicationFactor - 1) },
  }));
  return {
    store_gateway_statefulset: workload,
    store_gateway_service: service!,
    ...(pdb ? { store_gateway_pdb: pdb } : {}),
    ...(serviceMonitor ? { store_gateway_servicemonitor: serviceMonitor } : {}),
  };
}
