import { statefulSet, type BuildContext, type IStatefulSet, type WorkloadObjects } from '@platform/core';
import type { CacheConfig, LokiConfig } from './config.js';
import { MEMCACHED_PORT } from './endpoints.js';

/** The user and group of the official memcached Alpine image (`memcache`, 11211). */
export const MEMCACHED_UID = 11211;
/** `nobody`, the user prom/memcached-exporter's image declares. */
export const EXPORTER_UID = 65534;
const EXPORTER_PORT = 9150;

/** `9216` → `9Gi`, `1536` → `1536Mi`. */
function mebibytes(value: number): string {
  return value % 1024 === 0 ? `${value / 1024}Gi` : `${value}Mi`;
}

/**
 * Memory of a memcached container with `-m <memoryMb>`, by the formula of Grafana's memcached Jsonnet: a request of
 * 1.05x plus 100 MiB for connections and slab overhead, a limit of 1.5x.
 */
export function memcachedMemory(memoryMb: number): { request: string; limit: string } {
  const request = Math.ceil(memoryMb * 1.05 + 100);
  return { request: mebibytes(request), limit: mebibytes(Math.max(Math.ceil(memoryMb * 1.5), request)) };
}

/**
 * A memcached cache: a StatefulSet (stable pod names, so consistent hashing keeps keys on the same servers across
 * restarts) behind a headless Service that clients resolve to every pod, plus a Prometheus exporter sidecar.
 *
 * Written here because @platform/core has no memcached helper; @platform/mimir carries its own copy of the same
 * shape, so both belong in core.
 */
export function memcached(context: BuildContext<LokiConfig>, name: string, cache: CacheConfig): WorkloadObjects<IStatefulSet> & { workload: IStatefulSet } {
  const { image, exporterImage } = context.config.caches;
  const memory = memcachedMemory(cache.memoryMb);
  return statefulSet(context, {
    name,
    replicas: cache.replicas,
    runAs: MEMCACHED_UID,
    containers: [
      {
        name: 'memcached',
        image,
        args: [
          '-m', String(cache.memoryMb),
          '--extended=modern,track_sizes',
          '-I', `${cache.maxItemMb}m`,
          '-c', String(cache.connectionLimit),
          '-v',
        ],
        ports: [{ name: 'client', containerPort: MEMCACHED_PORT, protocol: 'TCP' }],
        readinessProbe: { tcpSocket: { port: 'client' }, initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 6 },
        livenessProbe: { tcpSocket: { port: 'client' }, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5 },
        resources: { requests: { cpu: cache.cpu, memory: memory.request }, limits: { cpu: cache.cpu, memory: memory.limit } },
      },
      {
        name: 'exporter',
        image: exporterImage,
        args: [`--memcached.address=localhost:${MEMCACHED_PORT}`, `--web.listen-address=:${EXPORTER_PORT}`],
        ports: [{ name: 'http-metrics', containerPort: EXPORTER_PORT, protocol: 'TCP' }],
        readinessProbe: { httpGet: { path: '/metrics', port: 'http-metrics' }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5 },
        securityContext: { runAsUser: EXPORTER_UID, runAsGroup: EXPORTER_UID },
        resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '100m', memory: '128Mi' } },
      },
    ],
  });
}
