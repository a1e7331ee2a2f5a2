import type {
  AutoscalingOptions,
  IContainer,
  IContainerPort,
  IEnvVar,
  IProbe,
  IVolume,
  ResourceRequirements,
  WorkloadOptions,
} from '@platform/core';
import { configChecksum, hungProcessProbe } from '@platform/core';
import type { GossipRing } from './gossip-ring.js';

/**
 * Pods of Grafana's databases (Mimir, Loki, Tempo): one binary whose `-target` selects the component a process
 * runs, one configuration file shared by every target, a runtime (per-tenant) file reloaded without restarts,
 * and a data directory on a volume. Where the upstreams' own deployments differ (Mimir's Jsonnet sorts its
 * flags, probes its port by number and lists every port in its Services; Loki's and Tempo's charts do not), the
 * database or the target says so, so that one container serves all three.
 */

/** A file a process reads from a ConfigMap, mounted read-only at the file's directory. */
export interface DatabaseFile {
  /** Volume name in the pod, e.g. `config`. */
  volume: string;
  /** ConfigMap holding the file. */
  configMap: string;
  /** Path of the file in the container, e.g. `/etc/loki/config/config.yaml`. */
  path: string;
}

/** What every process of one database instance shares. */
export interface GrafanaDatabase {
  image: string;
  /** Port of the HTTP API, `/metrics` and `/ready` (container port `http-metrics`). */
  httpPort: number;
  /** Port of the gRPC API between components (container port `grpc`). */
  grpcPort: number;
  /** The configuration file (`-config.file`). */
  configFile: DatabaseFile;
  /** The runtime configuration file (per-tenant overrides). */
  runtimeFile: DatabaseFile;
  /** Where the process keeps local data; every pod mounts a volume here. */
  dataPath: string;
  /** The memberlist ring every process joins, if the instance has one. */
  ring?: GossipRing;
  /** The serialised configuration file, hashed into a pod annotation so that a change rolls the pods. */
  configYaml: string;
  /**
   * Env vars from Secrets (object storage credentials ...) that the configuration file refers to as `${NAME}`;
   * with any, the processes run with `-config.expand-env=true`.
   */
  env: IEnvVar[];
  /** Readiness and liveness probes of every container. Default: `/ready` and a hung-process probe on `http-metrics`. */
  probes?: DatabaseProbes;
  /** List the gossip port in each ring member's Service too (Grafana's Jsonnet exposes every container port). Default false. */
  serviceRingPort?: boolean;
}

/** The probes of a database's containers. */
export interface DatabaseProbes {
  readiness: IProbe;
  liveness: IProbe;
}

/**
 * The stages of a Grafana database's first sync: Argo CD sync waves inside the component's Application. Argo CD
 * starts a wave only once every resource of the previous one is healthy (every pod ready), so a database comes
 * up in three steps instead of all at once, each step starting on what it needs:
 *
 * - `caches` (0, with the ConfigMaps, Services and ServiceAccounts): memcached, which needs nothing, so that the
 *   store-gateways' and index gateways' first index loads and the queries after them find their caches up.
 * - `stateful` (1): the ring members that own data or work: Mimir ingesters, store-gateways, compactor and
 *   Alertmanager; Loki write and backend (simple-scalable) or ingesters, index gateways and compactor
 *   (microservices); Tempo live-stores, block-builders and the backend scheduler; Tempo's monolithic pod. Their
 *   readiness depends only on object storage, Kafka and their own ring (by default an ingester is ready once
 *   every member of its ring is ACTIVE), never on a wave-2 workload, so the wave always completes.
 * - `stateless` (2): the read and write paths in front of them, which are useless (or not even ready) before
 *   the rings are populated: distributors (they write to the ingesters, or to the partitions the live-stores
 *   own), queriers (they read from ingesters and store-gateways), query-frontends and query-schedulers (a
 *   frontend is ready only once connected to a scheduler, a Tempo frontend only once a querier is attached: both
 *   in this wave or an earlier one), rulers, Tempo's metrics-generators (they consume the Kafka partitions the
 *   live-stores' partition ring lists), Tempo's backend workers (they take jobs from the scheduler) and Loki's
 *   read path (its query-frontend needs the scheduler that runs in the backend).
 */
export const DATABASE_STAGES = { caches: 0, stateful: 1, stateless: 2 } as const;

/** One target's workload. */
export interface DatabaseTarget {
  /** Workload, Service and container name, e.g. `write` or `live-store-zone-a`. */
  name: string;
  /** `-target` of the process, e.g. `write`. Default the name. */
  target?: string;
  /** Pod count. Default 1. */
  replicas?: number;
  /**
   * Deployments only: horizontal autoscaling (core's HorizontalPodAutoscaler; `replicas` is then left to it).
   * Default none. A StatefulSet target (a ring member owning tokens, partitions or data) cannot have it.
   */
  autoscaling?: AutoscalingOptions;
  resources: ResourceRequirements;
  /** Flags after `-config.file` and `-target`. */
  extraArgs?: string[];
  /** The whole argument list instead of `-config.file`, `-target`, `extraArgs` and `-config.expand-env`. */
  args?: string[];
  /** Env vars of the process. Default the database's {@link GrafanaDatabase.env}. */
  env?: IEnvVar[];
  /** Container ports besides `http-metrics`, `grpc` and the gossip ring, also exposed by the Service (e.g. OTLP receivers). */
  extraPorts?: IContainerPort[];
  /** Joins the database's memberlist ring (labels and gossip port). Default true. */
  ringMember?: boolean;
  /** More read-only files from ConfigMaps, e.g. a configuration read only at start-up. */
  files?: DatabaseFile[];
  /** Size of a persistent volume at the data path; without one the data path is an emptyDir. */
  storageSize?: string;
  /** Storage class of the volume. Default: the cluster's default class. */
  storageClassName?: string;
  /** Name of the volume claim (template). Default `data`. */
  claimName?: string;
  /** Size limit of the data emptyDir, when there is no persistent volume. */
  scratchSize?: string;
  terminationGracePeriodSeconds?: number;
  podLabels?: Record<string, string>;
  /** Pod annotations besides the config checksum, e.g. checksums of files read only at start-up. */
  podAnnotations?: Record<string, string>;
  /** The first-sync stage of the workload, one of {@link DATABASE_STAGES}. */
  stage: number;
}

function directory(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

function isRingMember(
  database: GrafanaDatabase,
  target: DatabaseTarget,
): database is GrafanaDatabase & { ring: GossipRing } {
  return database.ring !== undefined && target.ringMember !== false;
}

/** `-config.file`, `-target`, the target's flags, and `-config.expand-env` when Secret env is referenced. */
function defaultArgs(database: GrafanaDatabase, target: DatabaseTarget, env: IEnvVar[]): string[] {
  return [
    `-config.file=${database.configFile.path}`,
    `-target=${target.target ?? target.name}`,
    ...(target.extraArgs ?? []),
    ...(env.length > 0 ? ['-config.expand-env=true'] : []),
  ];
}

/**
 * The probes unless a database sets its own: readiness on `/ready`; liveness never on `/ready`, which is false
 * during WAL replay, ring joins and catch-up, when a restart only makes it worse.
 */
const DEFAULT_PROBES: DatabaseProbes = {
  readiness: {
    httpGet: { path: '/ready', port: 'http-metrics' },
    initialDelaySeconds: 15,
    periodSeconds: 10,
    timeoutSeconds: 1,
  },
  liveness: hungProcessProbe('http-metrics'),
};

/** The container of a target. */
export function targetContainer(database: GrafanaDatabase, target: DatabaseTarget): IContainer {
  const env = target.env ?? database.env;
  const probes = database.probes ?? DEFAULT_PROBES;
  return {
    name: target.name,
    image: database.image,
    args: target.args ?? defaultArgs(database, target, env),
    ports: [
      { name: 'http-metrics', containerPort: database.httpPort, protocol: 'TCP' },
      { name: 'grpc', containerPort: database.grpcPort, protocol: 'TCP' },
      ...(isRingMember(database, target) ? [database.ring.port] : []),
      ...(target.extraPorts ?? []),
    ],
    ...(env.length > 0 ? { env } : {}),
    readinessProbe: probes.readiness,
    livenessProbe: probes.liveness,
    resources: target.resources,
    volumeMounts: [
      ...[database.configFile, database.runtimeFile].map((file) => ({
        name: file.volume,
        mountPath: directory(file.path),
        readOnly: true,
      })),
      ...(target.storageSize ? [] : [{ name: 'data', mountPath: database.dataPath }]),
      ...(target.files ?? []).map((file) => ({ name: file.volume, mountPath: directory(file.path), readOnly: true })),
    ],
  };
}

/**
 * Workload options of a target: its container, the file volumes, the data volume (claim or emptyDir), ring
 * membership, the config checksum, its first-sync wave, and a Service over `http-metrics`, `grpc` and the extra
 * ports (and the gossip port where the database's Services list it).
 */
export function targetWorkload(database: GrafanaDatabase, target: DatabaseTarget): WorkloadOptions {
  const member = isRingMember(database, target);
  const volumes: IVolume[] = [
    ...[database.configFile, database.runtimeFile].map((file) => ({
      name: file.volume,
      configMap: { name: file.configMap },
    })),
    ...(target.storageSize
      ? []
      : [{ name: 'data', emptyDir: target.scratchSize ? { sizeLimit: target.scratchSize } : {} }]),
    ...(target.files ?? []).map((file) => ({ name: file.volume, configMap: { name: file.configMap } })),
  ];
  return {
    name: target.name,
    replicas: target.replicas ?? 1,
    ...(target.autoscaling ? { autoscaling: target.autoscaling } : {}),
    containers: [targetContainer(database, target)],
    volumes,
    ...(target.storageSize
      ? {
          volumeClaims: [
            {
              name: target.claimName ?? 'data',
              size: target.storageSize,
              storageClassName: target.storageClassName,
              mountPath: database.dataPath,
            },
          ],
        }
      : {}),
    // Ring members join memberlist (the rings of ingesters, compactors, schedulers, partitions ...).
    podLabels: { ...(member ? database.ring.memberLabels : {}), ...target.podLabels },
    podAnnotations: { 'checksum/config': configChecksum(database.configYaml), ...target.podAnnotations },
    terminationGracePeriodSeconds: target.terminationGracePeriodSeconds,
    stage: target.stage,
    service: {
      ports: [
        'http-metrics',
        'grpc',
        ...(member && database.serviceRingPort ? [database.ring.port.name!] : []),
        ...(target.extraPorts ?? []).map((port) => port.name!),
      ],
    },
  };
}
