import {
  addressPort,
  type BuildContext,
  type EgressRule,
  egressToEndpoints,
  endpointTarget,
  type IngressRule,
  type NetworkAccess,
  selectorLabels,
} from '@platform/core';
import type { ThanosConfig } from './config.js';
import { globalStoreApis } from './global-query.js';
import { OBJECT_STORAGE_CLIENT_LABEL, PORTS, WORKLOAD } from './layout.js';

/**
 * Thanos' traffic beyond its namespace: Queries of other components reach the store gateway's StoreAPI, Grafana
 * the global Query Frontend; the bucket clients reach object storage, the global Query the StoreAPIs it fans out
 * to (peers' pods exactly, other environments' on their ports).
 */
export function thanosNetwork(context: BuildContext<ThanosConfig>): NetworkAccess {
  const { config } = context;
  const ingress: IngressRule[] = [];
  const egress: EgressRule[] = [];
  if (config.storeGateway.enabled) {
    ingress.push({
      name: 'store-api',
      from: config.network.storeApiFrom.map((component) => ({ component })),
      ports: [PORTS.grpc],
      podLabels: selectorLabels(context.name, WORKLOAD.storeGateway),
    });
  }
  if (config.storeGateway.enabled || config.compactor.enabled) {
    egress.push({ name: 'object-storage', to: 'objectStorage', podLabels: { [OBJECT_STORAGE_CLIENT_LABEL]: 'true' } });
  }
  if (config.globalQuery.enabled) {
    const query = selectorLabels(context.name, WORKLOAD.query);
    ingress.push({
      name: 'global-query',
      from: config.network.queryFrom.map((component) => ({ component })),
      ports: [PORTS.http],
      podLabels: selectorLabels(context.name, WORKLOAD.queryFrontend),
    });
    egress.push(
      ...egressToEndpoints(
        globalStoreApis(context).map((api) => endpointTarget(api, 'grpcAddress')),
        query,
      ),
    );
    for (const store of config.globalQuery.remoteStores) {
      egress.push({
        name: `remote-store-${store.name}`,
        to: 'any',
        ports: [addressPort(store.address)],
        podLabels: query,
      });
    }
  }
  return { ingress, egress };
}
