import {
  type BuildContext,
  type IDeployment,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
  type ResourceRequirements,
  serviceHost,
} from '@platform/core';
import { PORTS, REPLICA_LABELS, WORKLOAD } from './layout.js';
import { thanosPod } from './pods.js';

/** One StoreAPI server a Query fans out to. */
export interface QueryEndpoint {
  /**
   * `host:port`, or `dnssrv+_grpc._tcp.<headless service>` to fan out to every pod behind a headless Service (each
   * replica of an HA pair, each store gateway).
   */
  address: string;
  /** Connect with TLS (endpoints outside the cluster, behind a TLS-terminating gRPC ingress). Default false. */
  tls?: boolean;
  /** Server name to verify, when it differs from the address' host. */
  serverName?: string;
}

/** The address a Query uses to reach every pod of a headless Service's `grpc` port. */
export function everyPod(service: string, namespace: string, settings: { clusterDomain: string }): string {
  return `dnssrv+_grpc._tcp.${serviceHost(service, namespace, settings)}`;
}

/**
 * The endpoint configuration (`--endpoint.sd-config`, `cmd/thanos/endpointset.go:45-72` at v0.42.4; the
 * `--endpoint` flag is deprecated): addresses, TLS per endpoint.
 */
export function endpointConfig(endpoints: readonly QueryEndpoint[]): string {
  // JSON is YAML, and keeps the flag on one line.
  return JSON.stringify({
    endpoints: endpoints.map((e) => ({
      address: e.address,
      ...(e.tls || e.serverName
        ? { client_config: { tls_config: { enabled: true }, ...(e.serverName ? { server_name: e.serverName } : {}) } }
        : {}),
    })),
  });
}

/** A Thanos Query's size and where it fans out to. */
export interface QueryOptions {
  image: string;
  replicas: number;
  resources: ResourceRequirements;
  logLevel: string;
  endpoints: readonly QueryEndpoint[];
}

/**
 * Thanos Query (`thanos-query`): the PromQL API over every StoreAPI in `endpoints`, deduplicating the replicas of
 * HA pairs by their replica labels (`--query.replica-label`, `docs/components/query.md:516`); partial responses
 * are on by default (`cmd/thanos/query.go:131`), so one unreachable cluster does not fail a global query. Its gRPC port is a StoreAPI itself, so a
 * global Query can fan out to it.
 */
export function thanosQuery(
  context: BuildContext<unknown>,
  options: QueryOptions,
): NamedWorkloadObjects<'thanos_query', 'deployment', IDeployment> {
  const objects = thanosPod(context, {
    name: WORKLOAD.query,
    command: 'query',
    image: options.image,
    replicas: options.replicas,
    resources: options.resources,
    logLevel: options.logLevel,
    args: [
      ...REPLICA_LABELS.map((label) => `--query.replica-label=${label}`),
      `--endpoint.sd-config=${endpointConfig(options.endpoints)}`,
    ],
  });
  return namedWorkloadObjects('thanos_query', 'deployment', objects as { workload: IDeployment });
}

/** The HTTP base URL of the Query in a namespace (Prometheus' query API under it). */
export function queryUrl(namespace: string, settings: { clusterDomain: string }): string {
  return `http://${serviceHost(WORKLOAD.query, namespace, settings)}:${PORTS.http}`;
}
