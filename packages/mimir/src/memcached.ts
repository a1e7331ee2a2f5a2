import { serviceHost, statefulSet, type BuildContext, type IPodDisruptionBudget, type IService, type IServiceMonitor, type IStatefulSet, type ResolvedSettings } from '@platform/core';
import type { Resources } from './config.js';
import { MEMCACHED_EXPORTER_PORT, MEMCACHED_PORT } from './layout.js';

/** One memcached cluster, as Grafana's `memcached.libsonnet` prototype describes it. */
export interface MemcachedOptions {
  /** StatefulSet and headless Service name, e.g. `memcached-chunks`. */
  name: string;
  image: string;
  exporterImage: string;
  replicas: number;
  /** Item memory in MiB (`-m`). */
  memoryLimitMb: number;
  /** Largest item in MiB (`-I`). */
  maxItemSizeMb: number;
  /** Maximum connections (`-c`). */
  connectionLimit: number;
  cpuRequest: string;
  exporterResources: Resources;
}

/** The objects of one memcached cluster. */
export interface MemcachedObjects {
  statefulSet: IStatefulSet;
  service: IService;
  pdb?: IPodDisruptionBudget;
  serviceMonitor?: IServiceMonitor;
}

/** The user the official alpine image declares by name (`USER memcache`); Kubernetes needs it numeric to verify non-root. */
export const MEMCACHED_UID = 11211;
/** `nobody` in prom/memcached-exporter's busybox base (`USER nobody`). */
export const EXPORTER_UID = 65534;

/** Memory provisioned above `-m` for connections and slab overhead: Grafana's Jsonnet uses 1.05x plus 100 MiB. */
const OVERPROVISION_FACTOR = 1.05;
const REQUEST_OVERHEAD_MB = 100;

/** `9216` → `9Gi`, `1536` → `1536Mi`. */
function mebibytes(value: number): string {
  return value % 1024 === 0 ? `${value / 1024}Gi` : `${value}Mi`;
}

/** Memory request and limit of a memcached container with `-m <memoryLimitMb>`, by Jsonnet's formula. */
export function memcachedMemory(memoryLimitMb: number): { request: string; limit: string } {
  const request = Math.ceil(memoryLimitMb * OVERPROVISION_FACTOR + REQUEST_OVERHEAD_MB);
  const limit = Math.max(Math.ceil(memoryLimitMb * 1.5), request);
  return { request: mebibytes(request), limit: mebibytes(limit) };
}

/**
 * The address Mimir's memcached client resolves: an A-record lookup of the headless Service, so every ready
 * memcached pod is a server. The trailing dot keeps the name absolute (Mimir 3 no longer uses search domains).
 */
export function memcachedAddress(name: string, namespace: string, settings: Pick<ResolvedSettings, 'clusterDomain'>): string {
  return `dns+${serviceHost(name, namespace, settings)}.:${MEMCACHED_PORT}`;
}

/** A memcached StatefulSet with its exporter sidecar, headless Service, PodDisruptionBudget and ServiceMonitor. */
export function memcached(context: BuildContext<unknown>, options: MemcachedOptions): MemcachedObjects {
  const memory = memcachedMemory(options.memoryLimitMb);
  const objects = statefulSet(context, {
    name: options.name,
    replicas: options.replicas,
    runAs: MEMCACHED_UID,
    antiAffinity: 'required',
    minReadySeconds: 60,
    containers: [
      {
        name: 'memcached',
        image: options.image,
        args: [`-m ${options.memoryLimitMb}`, `-I ${options.maxItemSizeMb}m`, `-c ${options.connectionLimit}`, '-v'],
        ports: [{ name: 'client', containerPort: MEMCACHED_PORT, protocol: 'TCP' }],
        resources: { requests: { cpu: options.cpuRequest, memory: memory.request }, limits: { memory: memory.limit } },
      },
      {
        name: 'exporter',
        image: options.exporterImage,
        args: [`--memcached.address=localhost:${MEMCACHED_PORT}`, `--web.listen-address=0.0.0.0:${MEMCACHED_EXPORTER_PORT}`],
        ports: [{ name: 'http-metrics', containerPort: MEMCACHED_EXPORTER_PORT, protocol: 'TCP' }],
        resources: options.exporterResources,
        securityContext: { runAsUser: EXPORTER_UID, runAsGroup: EXPORTER_UID },
      },
    ],
  });
  return {
    statefulSet: objects.workload,
    service: objects.service!,
    ...(objects.pdb ? { pdb: objects.pdb } : {}),
    ...(objects.serviceMonitor ? { serviceMonitor: objects.serviceMonitor } : {}),
  };
}
