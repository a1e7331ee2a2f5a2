import { type BuildContext, selectorLabels, serviceHost, type TracesStore } from '@platform/core';
import type { TempoConfig } from './config.js';

/** Tempo's HTTP port (query API, `/metrics`, `/ready`). */
export const HTTP_PORT = 3200;
/** Tempo's gRPC port (between Tempo components). */
export const GRPC_PORT = 9095;
/** OTLP receiver ports of the distributor. */
export const OTLP_GRPC_PORT = 4317;
export const OTLP_HTTP_PORT = 4318;

/** The Service names each mode renders, so that addresses and objects cannot drift apart. */
export const SERVICE_NAMES = {
  monolithic: 'tempo',
  distributor: 'distributor',
  querier: 'querier',
  queryFrontend: 'query-frontend',
  queryFrontendDiscovery: 'query-frontend-discovery',
  backendScheduler: 'backend-scheduler',
  backendWorker: 'backend-worker',
  blockBuilder: 'block-builder',
  metricsGenerator: 'metrics-generator',
} as const;

/** Name of the live-store StatefulSet (and its Service) of a zone. */
export function liveStoreName(zone: string): string {
  return `live-store-${zone}`;
}

/** Every address Tempo's components and its clients use. */
export interface TempoAddresses {
  /** Service that receives OTLP (distributors, or the monolithic pod). */
  ingestService: string;
  /** Service that answers queries (query-frontends, or the monolithic pod). */
  queryService: string;
  otlpGrpcAddress: string;
  otlpHttpUrl: string;
  queryUrl: string;
  /** microservices: frontends for querier workers, resolved to every pod. */
  queryFrontendDiscovery?: string;
  /** microservices: the backend-scheduler for backend-workers. */
  backendScheduler?: string;
}

type AddressContext = Pick<BuildContext<TempoConfig>, 'namespace' | 'config' | 'environment'>;

/** The addresses of a Tempo instance. */
export function tempoAddresses({ namespace, config, environment }: AddressContext): TempoAddresses {
  const host = (service: string) => serviceHost(service, namespace, environment.settings);
  const monolithic = config.mode === 'monolithic';
  const ingestService = monolithic ? SERVICE_NAMES.monolithic : SERVICE_NAMES.distributor;
  const queryService = monolithic ? SERVICE_NAMES.monolithic : SERVICE_NAMES.queryFrontend;
  return {
    ingestService,
    queryService,
    otlpGrpcAddress: `${host(ingestService)}:${OTLP_GRPC_PORT}`,
    otlpHttpUrl: `http://${host(ingestService)}:${OTLP_HTTP_PORT}`,
    queryUrl: `http://${host(queryService)}:${HTTP_PORT}`,
    ...(monolithic
      ? {}
      : {
          queryFrontendDiscovery: `${host(SERVICE_NAMES.queryFrontendDiscovery)}:${GRPC_PORT}`,
          backendScheduler: `${host(SERVICE_NAMES.backendScheduler)}:${GRPC_PORT}`,
        }),
  };
}

/**
 * The trace store this instance provides to its peers (Alloy sends OTLP, Grafana queries), with the pods behind
 * each address: every Service is named like its workload, whose helper selects `selectorLabels(name, workload)`.
 */
export function tracesStore(context: AddressContext & { name: string }): TracesStore {
  const addresses = tempoAddresses(context);
  const ingestPods = selectorLabels(context.name, addresses.ingestService);
  return {
    component: context.name,
    namespace: context.namespace,
    otlpGrpcAddress: addresses.otlpGrpcAddress,
    otlpHttpUrl: addresses.otlpHttpUrl,
    queryUrl: addresses.queryUrl,
    multiTenant: context.config.multitenancy,
    pods: {
      otlpGrpcAddress: ingestPods,
      otlpHttpUrl: ingestPods,
      queryUrl: selectorLabels(context.name, addresses.queryService),
    },
  };
}
