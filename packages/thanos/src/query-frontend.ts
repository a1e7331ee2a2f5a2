import {
  type BuildContext,
  type IDeployment,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
  type ResourceRequirements,
  serviceHost,
} from '@platform/core';
import { PORTS, WORKLOAD } from './layout.js';
import { thanosPod } from './pods.js';

/** A Query Frontend's size and its response cache. */
export interface QueryFrontendOptions {
  image: string;
  replicas: number;
  resources: ResourceRequirements;
  logLevel: string;
  /** The Query it splits and caches for. */
  downstreamUrl: string;
  /** Range queries are split into intervals of this length, each cached on its own. */
  splitInterval: string;
  /** Size of each replica's in-memory response cache, e.g. `256MB`. */
  cacheSize: string;
}

/**
 * Thanos Query Frontend (`thanos-query-frontend`) in front of a Query: splits range queries by
 * `--query-range.split-interval`, retries (5 by default, `cmd/thanos/query_frontend.go:97`), and caches responses in memory (`IN-MEMORY` with `max_size`,
 * `pkg/queryfrontend/config.go:31,57-64` at v0.42.4; `--query-range.response-cache-config` and
 * `--labels.response-cache-config`, `docs/components/query-frontend.md:297-333`). Grafana queries it.
 */
export function thanosQueryFrontend(
  context: BuildContext<unknown>,
  options: QueryFrontendOptions,
): NamedWorkloadObjects<'thanos_query_frontend', 'deployment', IDeployment> {
  const cache = JSON.stringify({ type: 'IN-MEMORY', config: { max_size: options.cacheSize } });
  const objects = thanosPod(context, {
    name: WORKLOAD.queryFrontend,
    command: 'query-frontend',
    grpc: false,
    image: options.image,
    replicas: options.replicas,
    resources: options.resources,
    logLevel: options.logLevel,
    args: [
      `--query-frontend.downstream-url=${options.downstreamUrl}`,
      `--query-range.split-interval=${options.splitInterval}`,
      `--query-range.response-cache-config=${cache}`,
      `--labels.split-interval=${options.splitInterval}`,
      `--labels.response-cache-config=${cache}`,
      '--query-frontend.compress-responses',
    ],
  });
  return namedWorkloadObjects('thanos_query_frontend', 'deployment', objects as { workload: IDeployment });
}

/** The HTTP base URL of the Query Frontend in a namespace: the Prometheus-compatible query API Grafana reads. */
export function queryFrontendUrl(namespace: string, settings: { clusterDomain: string }): string {
  return `http://${serviceHost(WORKLOAD.queryFrontend, namespace, settings)}:${PORTS.http}`;
}
