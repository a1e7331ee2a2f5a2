import type { BuildContext, IService, IStatefulSet, ResourceRequirements } from '@platform/core';
import {
  type ResolvedSettings,
  serviceHost,
  statefulSet,
  type WorkloadObjects,
  type WorkloadOptions,
} from '@platform/core';
import type { CacheConfig } from './cache-config.js';

/** memcached and its Prometheus exporter: the pair Grafana's Tempo 3.0.3 Jsonnet pins, used by every store's caches. */
export const MEMCACHED_IMAGE = 'memcached:1.6.40-alpine';
export const MEMCACHED_EXPORTER_IMAGE = 'prom/memcached-exporter:v0.15.5';

/** memcached's client port and the exporter's metrics port. */
export const MEMCACHED_PORT = 11211;
export const MEMCACHED_EXPORTER_PORT = 9150;

/** The user the official alpine image declares by name (`USER memcache`); Kubernetes needs it numeric to verify non-root. */
export const MEMCACHED_UID = 11211;
/** `nobody` in prom/memcached-exporter's busybox base (`USER nobody`). */
export const MEMCACHED_EXPORTER_UID = 65534;

/** What an exporter sidecar gets unless a component sizes it. */
export const MEMCACHED_EXPORTER_RESOURCES: ResourceRequirements = {
  requests: { cpu: '50m', memory: '64Mi' },
  limits: { cpu: '100m', memory: '128Mi' },
};

/**
 * One memcached cluster, as Grafana's `memcached.libsonnet` prototype describes it: a cache's configuration
 * (the container's memory follows from `memoryLimitMb`, see {@link memcachedMemory}) and how it runs.
 */
export interface MemcachedOptions extends Omit<CacheConfig, 'enabled'> {
  /** StatefulSet and headless Service name, e.g. `memcached-chunks`. */
  name: string;
  /** memcached image. Default {@link MEMCACHED_IMAGE}. */
  image?: string;
  /** Exporter image. Default {@link MEMCACHED_EXPORTER_IMAGE}. */
  exporterImage?: string;
  /** Requests and limits of the exporter. Default {@link MEMCACHED_EXPORTER_RESOURCES}. */
  exporterResources?: ResourceRequirements;
  /** `--extended` options, e.g. `['modern', 'track_sizes']`. Default none. */
  extendedOptions?: string[];
  /** Spread of the pods; default `preferred` (see {@link WorkloadOptions}). */
  antiAffinity?: WorkloadOptions['antiAffinity'];
  minReadySeconds?: number;
  /** First-sync wave of the StatefulSet (see {@link WorkloadOptions.stage}). Default none (wave 0). */
  stage?: number;
}

/** Memory provisioned above `-m` for connections and slab overhead: Grafana's Jsonnet uses 1.05x plus 100 MiB, limit 1.5x. */
const OVERPROVISION_FACTOR = 1.05;
const REQUEST_OVERHEAD_MB = 100;
const LIMIT_FACTOR = 1.5;

/** `9216` → `9Gi`, `1536` → `1536Mi`. */
function mebibytes(value: number): string {
  return value % 1024 === 0 ? `${value / 1024}Gi` : `${value}Mi`;
}

/** Memory request and limit of a memcached container with `-m <memoryLimitMb>`, by Jsonnet's formula. */
export function memcachedMemory(memoryLimitMb: number): { request: string; limit: string } {
  const request = Math.ceil(memoryLimitMb * OVERPROVISION_FACTOR + REQUEST_OVERHEAD_MB);
  const limit = Math.max(Math.ceil(memoryLimitMb * LIMIT_FACTOR), request);
  return { request: mebibytes(request), limit: mebibytes(limit) };
}

/**
 * The address clients of Grafana's databases resolve: an A-record lookup (`dns+`) of the headless Service, so
 * every ready memcached pod is a server. The trailing dot keeps the name absolute (no search-domain lookups).
 */
export function memcachedAddress(
  name: string,
  namespace: string,
  settings: Pick<ResolvedSettings, 'clusterDomain'>,
): string {
  return `dns+${serviceHost(name, namespace, settings)}.:${MEMCACHED_PORT}`;
}

/**
 * A memcached cache: a StatefulSet (stable pod names, so consistent hashing keeps keys on the same servers across
 * restarts) with a Prometheus exporter sidecar, behind a headless Service that clients resolve to every pod, with
 * its PodDisruptionBudget and ServiceMonitor.
 */
export function memcached(
  context: BuildContext<unknown>,
  options: MemcachedOptions,
): WorkloadObjects<IStatefulSet> & { workload: IStatefulSet; service: IService } {
  const memory = memcachedMemory(options.memoryLimitMb);
  const objects = statefulSet(context, {
    name: options.name,
    replicas: options.replicas,
    runAs: MEMCACHED_UID,
    antiAffinity: options.antiAffinity,
    minReadySeconds: options.minReadySeconds,
    stage: options.stage,
    containers: [
      {
        name: 'memcached',
        image: options.image ?? MEMCACHED_IMAGE,
        // Flag and value in one argument, as Grafana's memcached.libsonnet writes them (memcached's getopt accepts both).
        args: [
          `-m ${options.memoryLimitMb}`,
          `-I ${options.maxItemSizeMb}m`,
          `-c ${options.connectionLimit}`,
          '-v',
          ...(options.extendedOptions?.length ? [`--extended=${options.extendedOptions.join(',')}`] : []),
        ],
        ports: [{ name: 'client', containerPort: MEMCACHED_PORT, protocol: 'TCP' }],
        readinessProbe: {
          tcpSocket: { port: 'client' },
          initialDelaySeconds: 5,
          periodSeconds: 5,
          timeoutSeconds: 3,
          failureThreshold: 6,
        },
        livenessProbe: { tcpSocket: { port: 'client' }, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5 },
        resources: {
          requests: { cpu: options.cpuRequest, memory: memory.request },
          limits: { ...(options.cpuLimit ? { cpu: options.cpuLimit } : {}), memory: memory.limit },
        },
      },
      {
        name: 'exporter',
        image: options.exporterImage ?? MEMCACHED_EXPORTER_IMAGE,
        args: [
          `--memcached.address=localhost:${MEMCACHED_PORT}`,
          `--web.listen-address=0.0.0.0:${MEMCACHED_EXPORTER_PORT}`,
        ],
        ports: [{ name: 'http-metrics', containerPort: MEMCACHED_EXPORTER_PORT, protocol: 'TCP' }],
        readinessProbe: {
          httpGet: { path: '/metrics', port: 'http-metrics' },
          initialDelaySeconds: 5,
          periodSeconds: 10,
          timeoutSeconds: 5,
        },
        livenessProbe: {
          httpGet: { path: '/metrics', port: 'http-metrics' },
          initialDelaySeconds: 30,
          periodSeconds: 10,
          timeoutSeconds: 5,
        },
        resources: options.exporterResources ?? MEMCACHED_EXPORTER_RESOURCES,
        securityContext: { runAsUser: MEMCACHED_EXPORTER_UID, runAsGroup: MEMCACHED_EXPORTER_UID },
      },
    ],
  });
  return objects as WorkloadObjects<IStatefulSet> & { workload: IStatefulSet; service: IService };
}
