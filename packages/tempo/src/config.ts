/**
 * The configuration of `@platform/tempo`: what a user may set, with every default. The shape of
 * {@link defaults} is also the schema user configuration is checked against.
 */
import type { ResourceRequirements } from '@platform/core';
import type { AutoscaledWorkloadConfig, LogLevel } from '@platform/grafana-databases';

/** Tempo 3.0.3, the release whose configuration reference this package is written against. */
export const TEMPO_IMAGE = 'grafana/tempo:3.0.3';

/**
 * How Tempo runs.
 * - `microservices`: Tempo 3's distributed architecture. Distributors write spans to a Kafka-compatible queue;
 *   live-stores (recent data) and block-builders (blocks in object storage) consume it; queriers and
 *   query-frontends read both; a backend-scheduler and backend-workers compact and apply retention; an optional
 *   metrics-generator turns spans into metrics. Needs a Kafka-compatible broker (`kafka.address`).
 * - `monolithic`: one process (`-target=all`) that does all of the above in-process, without Kafka.
 */
export type TempoMode = 'microservices' | 'monolithic';
export const TEMPO_MODES: readonly TempoMode[] = ['microservices', 'monolithic'];

/** Metrics-generator processors Tempo 3.0.3 knows. */
export const GENERATOR_PROCESSORS = [
  'service-graphs',
  'span-metrics',
  'span-metrics-latency',
  'span-metrics-count',
  'span-metrics-size',
  'host-info',
] as const;
export type GeneratorProcessor = (typeof GENERATOR_PROCESSORS)[number];

/** A stateless workload. */
export interface WorkloadConfig {
  /** Pod count. */
  replicas: number;
  /** CPU and memory of the Tempo container, quantities as Kubernetes writes them (`500m`, `2Gi`). */
  resources: ResourceRequirements;
}

/**
 * A stateless microservices workload (a Deployment on the read or write path) that may also scale
 * horizontally; `autoscaling` defaults to off.
 */
export type ScalableWorkloadConfig = WorkloadConfig & AutoscaledWorkloadConfig;

/** The Kafka-compatible queue of the microservices write path. */
export interface KafkaConfig {
  /** Bootstrap address `host:port` of the broker (Kafka, Redpanda, WarpStream ...). Required in microservices mode. Default `''`. */
  address: string;
  /** Topic spans are written to. Default `tempo-ingest`. */
  topic: string;
  /**
   * Component of the environment that runs the broker, so the NetworkPolicy allows exactly its pods. Default:
   * none, egress to the broker's port anywhere.
   */
  component?: string;
  /** Secret with keys `username` and `password` for SASL/PLAIN; default none (no authentication). */
  saslSecret?: string;
}

/** Default per-tenant limits (`overrides.defaults`); per-tenant exceptions go in `tenantOverrides`. */
export interface LimitsConfig {
  /** Ingestion rate per tenant, bytes/s. Default 30000000 (Tempo's default). */
  rateLimitBytes: number;
  /** Ingestion burst per tenant, bytes. Default 30000000. */
  burstSizeBytes: number;
  /** Live traces per tenant. Default 10000. */
  maxTracesPerUser: number;
  /** Largest trace, bytes. Default 5000000. */
  maxBytesPerTrace: number;
}

/** Live-stores: recent traces, served to queriers until block-builders have written them to object storage. */
export interface LiveStoreConfig {
  /**
   * Availability zones; one StatefulSet `live-store-<zone>` per zone, each owning every partition once, so a
   * zone can fail without losing recent data. Default `['zone-a', 'zone-b']`.
   */
  zones: string[];
  /** Partitions, i.e. live-store pods per zone (pod `-N` owns partition N). Default 2. */
  partitions: number;
  /** Volume per pod for the WAL and local blocks. Default `10Gi`. */
  storageSize: string;
  /** Storage class of the volumes. Default: the cluster's default class. */
  storageClassName?: string;
  resources: ResourceRequirements;
}

/** Who may talk to Tempo from other namespaces of the environment. */
export interface TempoNetworkConfig {
  /** Components allowed to send OTLP traces. Default `['alloy']`. */
  otlpFrom: string[];
  /** Components allowed to query traces. Default `['grafana']`. */
  queryFrom: string[];
}

export interface TempoConfig {
  /** Deployment mode. Default `microservices`. */
  mode: TempoMode;
  /** Tempo image. Default {@link TEMPO_IMAGE}. */
  image: string;
  /** Log level: `debug`, `info`, `warn` or `error`. Default `info`. */
  logLevel: LogLevel;
  /** Require the `X-Scope-OrgID` tenant header on pushes and queries. Default true (the environment's tenant). */
  multitenancy: boolean;
  /** How long traces are kept in object storage. Default `336h` (14 days, Tempo's default). */
  retentionPeriod: string;
  /** Kafka-compatible queue (microservices only). */
  kafka: KafkaConfig;
  /** Default per-tenant limits. */
  limits: LimitsConfig;
  /**
   * Per-tenant overrides, written to the overrides file Tempo reloads at runtime:
   * `{ 'team-a': { ingestion: { rate_limit_bytes: 50000000 } } }`, keys as in Tempo's `overrides.defaults`. Default: none.
   */
  tenantOverrides: Record<string, Record<string, unknown>>;
  /** Report anonymous usage statistics to Grafana Labs. Default false. */
  usageReporting: boolean;

  /** microservices: distributors, the OTLP endpoint. Default 2 replicas. */
  distributor: ScalableWorkloadConfig;
  /** microservices: live-stores. */
  liveStore: LiveStoreConfig;
  /**
   * microservices: block-builders; each owns `liveStore.partitions / replicas` partitions, so replicas must divide
   * the partition count. Default 2 replicas with a 5Gi scratch emptyDir each.
   */
  blockBuilder: WorkloadConfig & { scratchSize: string };
  /** microservices: queriers. Default 2 replicas. */
  querier: ScalableWorkloadConfig;
  /** microservices: query-frontends, the query API. Default 2 replicas (Tempo scales them vertically). */
  queryFrontend: ScalableWorkloadConfig;
  /** microservices: the backend-scheduler (a singleton that plans compaction and retention jobs). Default 1Gi volume. */
  backendScheduler: { storageSize: string; storageClassName?: string; resources: ResourceRequirements };
  /** microservices: backend-workers that run compaction and retention jobs. Default 1 replica. */
  backendWorker: WorkloadConfig;
  /**
   * Metrics-generator (both modes): span metrics and service graphs, remote-written to the environment's metrics
   * store. Default disabled, 1 replica, processors `service-graphs` and `span-metrics`.
   */
  metricsGenerator: WorkloadConfig & { enabled: boolean; processors: GeneratorProcessor[] };
  /** monolithic: the single Tempo pod. Default 10Gi volume. */
  monolithic: { storageSize: string; storageClassName?: string; resources: ResourceRequirements };

  /** Network access from other components. */
  network: TempoNetworkConfig;
  /** Tempo configuration merged over the generated file, keys as in Tempo's configuration reference. Default: none. */
  extraConfig: Record<string, unknown>;
}

function resources(cpu: string, memory: string, cpuLimit: string, memoryLimit: string): ResourceRequirements {
  return { requests: { cpu, memory }, limits: { cpu: cpuLimit, memory: memoryLimit } };
}

export const defaults: TempoConfig = {
  mode: 'microservices',
  image: TEMPO_IMAGE,
  logLevel: 'info',
  multitenancy: true,
  retentionPeriod: '336h',
  kafka: { address: '', topic: 'tempo-ingest', component: undefined, saslSecret: undefined },
  limits: { rateLimitBytes: 30000000, burstSizeBytes: 30000000, maxTracesPerUser: 10000, maxBytesPerTrace: 5000000 },
  tenantOverrides: {},
  usageReporting: false,

  distributor: { replicas: 2, autoscaling: undefined, resources: resources('500m', '1Gi', '2', '2Gi') },
  liveStore: {
    zones: ['zone-a', 'zone-b'],
    partitions: 2,
    storageSize: '10Gi',
    storageClassName: undefined,
    resources: resources('500m', '1Gi', '1', '2Gi'),
  },
  blockBuilder: { replicas: 2, scratchSize: '5Gi', resources: resources('500m', '1Gi', '1', '2Gi') },
  querier: { replicas: 2, autoscaling: undefined, resources: resources('500m', '1Gi', '1', '2Gi') },
  queryFrontend: { replicas: 2, autoscaling: undefined, resources: resources('500m', '1Gi', '1', '2Gi') },
  backendScheduler: {
    storageSize: '1Gi',
    storageClassName: undefined,
    resources: resources('100m', '256Mi', '500m', '1Gi'),
  },
  backendWorker: { replicas: 1, resources: resources('500m', '1Gi', '1', '2Gi') },
  metricsGenerator: {
    enabled: false,
    replicas: 1,
    processors: ['service-graphs', 'span-metrics'],
    resources: resources('500m', '1Gi', '1', '2Gi'),
  },
  monolithic: { storageSize: '10Gi', storageClassName: undefined, resources: resources('1', '2Gi', '2', '4Gi') },

  network: { otlpFrom: ['alloy'], queryFrom: ['grafana'] },
  extraConfig: {},
};
