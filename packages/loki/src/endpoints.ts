import { type BuildContext, type LogsStore, selectorLabels, serviceHost } from '@platform/core';
import { memcachedAddress } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';

/** Loki's HTTP port (API, `/metrics`, `/ready`). */
export const HTTP_PORT = 3100;
/** Loki's gRPC port (between Loki components). */
export const GRPC_PORT = 9095;

/** The Service names each mode renders, so that addresses and objects cannot drift apart. */
export const SERVICE_NAMES = {
  read: 'read',
  write: 'write',
  backend: 'backend',
  backendHeadless: 'backend-headless',
  distributor: 'distributor',
  ingester: 'ingester',
  querier: 'querier',
  queryFrontend: 'query-frontend',
  queryScheduler: 'query-scheduler',
  indexGateway: 'index-gateway',
  compactor: 'compactor',
  ruler: 'ruler',
  chunksCache: 'chunks-cache',
  resultsCache: 'results-cache',
} as const;

/** Every address Loki's components and its clients use, derived from the Service names above. */
export interface LokiAddresses {
  /** Where clients push logs: the write target or the distributors. */
  pushUrl: string;
  /** Where clients query: the read target or the query-frontends. */
  queryUrl: string;
  /** Service (host part of the URLs above) clients push to and query. */
  pushService: string;
  queryService: string;
  /** gRPC address of the compactor (delete requests, retention). */
  compactorGrpc: string;
  /** Index gateways, resolved to every pod (`dns+` service discovery). */
  indexGateway: string;
  /** Query-schedulers, resolved to every pod; microservices only (simple-scalable discovers them through the ring). */
  queryScheduler?: string;
  /** Queriers serving live tailing through the frontend; microservices only. */
  tailProxyUrl?: string;
  /** memcached servers of the chunk and results caches (`dns+` service discovery). */
  chunksCache: string;
  resultsCache: string;
}

type AddressContext = Pick<BuildContext<LokiConfig>, 'namespace' | 'config' | 'environment'>;

/** The addresses of a Loki instance. */
export function lokiAddresses({ namespace, config, environment }: AddressContext): LokiAddresses {
  const host = (service: string) => serviceHost(service, namespace, environment.settings);
  const ssd = config.mode === 'simple-scalable';
  const pushService = ssd ? SERVICE_NAMES.write : SERVICE_NAMES.distributor;
  const queryService = ssd ? SERVICE_NAMES.read : SERVICE_NAMES.queryFrontend;
  return {
    pushUrl: `http://${host(pushService)}:${HTTP_PORT}/loki/api/v1/push`,
    queryUrl: `http://${host(queryService)}:${HTTP_PORT}`,
    pushService,
    queryService,
    compactorGrpc: `${host(ssd ? SERVICE_NAMES.backend : SERVICE_NAMES.compactor)}:${GRPC_PORT}`,
    // `dns+` discovery resolves every pod; the trailing dot makes the name absolute (no search-domain lookups).
    indexGateway: `dns+${host(ssd ? SERVICE_NAMES.backendHeadless : SERVICE_NAMES.indexGateway)}.:${GRPC_PORT}`,
    ...(ssd
      ? {}
      : {
          queryScheduler: `${host(SERVICE_NAMES.queryScheduler)}:${GRPC_PORT}`,
          tailProxyUrl: `http://${host(SERVICE_NAMES.querier)}:${HTTP_PORT}`,
        }),
    chunksCache: memcachedAddress(SERVICE_NAMES.chunksCache, namespace, environment.settings),
    resultsCache: memcachedAddress(SERVICE_NAMES.resultsCache, namespace, environment.settings),
  };
}

/**
 * The log store this instance provides to its peers (Alloy pushes, Grafana queries), with the pods behind each
 * address: every Service is named like its workload, whose helper selects `selectorLabels(name, workload)`.
 */
export function logsStore(context: AddressContext & { name: string }): LogsStore {
  const addresses = lokiAddresses(context);
  return {
    component: context.name,
    namespace: context.namespace,
    pushUrl: addresses.pushUrl,
    queryUrl: addresses.queryUrl,
    multiTenant: true,
    pods: {
      pushUrl: selectorLabels(context.name, addresses.pushService),
      queryUrl: selectorLabels(context.name, addresses.queryService),
    },
  };
}
