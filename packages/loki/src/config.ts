/**
 * The configuration of `@platform/loki`: what a user may set, with every default. The shape of
 * {@link defaults} is also the schema user configuration is checked against.
 */
import type { ResourceRequirements } from '@platform/core';
import {
  type AutoscaledWorkloadConfig,
  type CacheConfig,
  type LogLevel,
  MEMCACHED_EXPORTER_IMAGE,
  MEMCACHED_IMAGE,
} from '@platform/grafana-databases';

export type { CacheConfig };

/** Loki 3.7.6, the release whose configuration reference this package is written against. */
export const LOKI_IMAGE = 'grafana/loki:3.7.6';

/**
 * How Loki is split into workloads.
 * - `simple-scalable`: three targets, `read` (Deployment), `write` and `backend` (StatefulSets with volumes).
 * - `microservices`: one workload per Loki component (distributor, ingester, querier, query-frontend,
 *   query-scheduler, index-gateway, compactor, optional ruler).
 */
export type LokiMode = 'simple-scalable' | 'microservices';
export const LOKI_MODES: readonly LokiMode[] = ['simple-scalable', 'microservices'];

/** A stateless workload. */
export interface WorkloadConfig {
  /** Pod count. */
  replicas: number;
  /** CPU and memory of the Loki container, quantities as Kubernetes writes them (`500m`, `2Gi`). */
  resources: ResourceRequirements;
}

/** A stateless workload (a Deployment) that may also scale horizontally; `autoscaling` defaults to off. */
export type ScalableWorkloadConfig = WorkloadConfig & AutoscaledWorkloadConfig;

/** A workload with a persistent volume per pod, mounted at Loki's data path `/var/loki`. */
export interface StatefulWorkloadConfig extends WorkloadConfig {
  /** Size of each pod's volume. */
  storageSize: string;
  /** Storage class of the volumes. Default: the cluster's default class. */
  storageClassName?: string;
}

/** One schema period of the index and chunk store. */
export interface SchemaPeriod {
  /**
   * First day (UTC, `YYYY-MM-DD`) the period applies to. Never change the date of a period that already holds
   * data: add a new period with a future date instead.
   */
  from: string;
  /** Schema version; TSDB with v13 is the only one Loki 3 recommends (structured metadata, OTLP). */
  schema: 'v13';
}

/** Default per-tenant limits (`limits_config`); per-tenant exceptions go in `tenantOverrides`. */
export interface LimitsConfig {
  /** Per-tenant ingestion rate in MB/s, shared by all distributors (`global` strategy). Default 10. */
  ingestionRateMb: number;
  /** Per-tenant burst in MB. Default 20. */
  ingestionBurstSizeMb: number;
  /** Active streams per tenant across the cluster. Default 10000. */
  maxGlobalStreamsPerUser: number;
  /** Queries a frontend splits one query into at most. Default 32. */
  maxQueryParallelism: number;
  /** Longest time range one query may cover. Default `721h` (30 days + 1h). */
  maxQueryLength: string;
  /** Query split interval (also the results-cache granularity). Default `30m`. */
  splitQueriesByInterval: string;
  /** Reject log lines older than this. Default `168h`. */
  rejectOldSamplesMaxAge: string;
  /** Keep structured metadata (needed for OTLP logs). Default true. */
  allowStructuredMetadata: boolean;
  /** Serve the volume API (Grafana's Logs Drilldown). Default true. */
  volumeEnabled: boolean;
}

/** Who may talk to Loki from other namespaces of the environment. */
export interface LokiNetworkConfig {
  /** Components allowed to push logs (to the write path). Default `['alloy']`. */
  pushFrom: string[];
  /** Components allowed to query (the read path / query-frontend). Default `['grafana']`. */
  queryFrom: string[];
}

export interface LokiConfig {
  /** Deployment mode. Default `simple-scalable`. */
  mode: LokiMode;
  /** Loki image. Default {@link LOKI_IMAGE}. */
  image: string;
  /** Log level of every Loki process: `debug`, `info`, `warn` or `error`. Default `info`. */
  logLevel: LogLevel;
  /** Copies of every stream the write path keeps. Default 3; the write/ingester replicas must be at least this. */
  replicationFactor: number;
  /**
   * How long logs are kept: a multiple of 24h (the index period), or `0s` to keep logs forever. Enforced by the
   * compactor. Default `744h` (31 days).
   */
  retentionPeriod: string;
  /** Index/chunk schema periods, oldest first. Default: one TSDB v13 period from 2025-01-01. */
  schemaPeriods: SchemaPeriod[];
  /** Default per-tenant limits. */
  limits: LimitsConfig;
  /**
   * Per-tenant limit overrides, written to the runtime configuration (reloaded without restarts):
   * `{ 'team-a': { ingestion_rate_mb: 20 } }`, keys as in Loki's `limits_config`. Default: none.
   */
  tenantOverrides: Record<string, Record<string, unknown>>;
  /** Report anonymous usage statistics to Grafana Labs. Default false. */
  usageReporting: boolean;
  /**
   * memcached caches. Each defaults to 1 replica, items up to 5 MiB (Loki chunks can exceed memcached's 1 MiB
   * default), 16384 connections and 500m CPU, requested and limited.
   */
  caches: {
    /** Chunk cache (queriers, ingesters). Default enabled, 1 replica, 4096 MiB. */
    chunks: CacheConfig;
    /** Query results cache (query-frontend). Default enabled, 1 replica, 1024 MiB. */
    results: CacheConfig;
    /** memcached image. Default {@link MEMCACHED_IMAGE} (`memcached:1.6.40-alpine`, shared by every store). */
    image: string;
    /** memcached exporter image. Default {@link MEMCACHED_EXPORTER_IMAGE} (`prom/memcached-exporter:v0.15.5`). */
    exporterImage: string;
  };

  /** simple-scalable: the read target (queriers and query-frontends). Default 3 replicas. */
  read: ScalableWorkloadConfig;
  /** simple-scalable: the write target (distributors and ingesters). Default 3 replicas, 10Gi each. */
  write: StatefulWorkloadConfig;
  /** simple-scalable: the backend target (compactor, index-gateway, query-scheduler, ruler). Default 3 replicas, 10Gi each. */
  backend: StatefulWorkloadConfig;

  /** microservices: distributors. Default 3 replicas. */
  distributor: ScalableWorkloadConfig;
  /** microservices: ingesters. Default 3 replicas, 10Gi each. */
  ingester: StatefulWorkloadConfig;
  /** microservices: queriers. Default 3 replicas. */
  querier: ScalableWorkloadConfig;
  /** microservices: query-frontends. Default 2 replicas. */
  queryFrontend: ScalableWorkloadConfig;
  /** microservices: query-schedulers. Default 2 replicas. */
  queryScheduler: WorkloadConfig;
  /** microservices: index-gateways. Default 2 replicas, 10Gi each. */
  indexGateway: StatefulWorkloadConfig;
  /** microservices: the compactor (always one: it owns retention and compaction). Default 10Gi. */
  compactor: Omit<StatefulWorkloadConfig, 'replicas'>;
  /** microservices: the ruler, optional. Default disabled, 2 replicas. */
  ruler: WorkloadConfig & { enabled: boolean };

  /** Network access from other components. */
  network: LokiNetworkConfig;
  /**
   * Loki configuration merged over the generated file (the escape hatch for settings this package does not
   * model), keys as in Loki's configuration reference. Default: none.
   */
  extraConfig: Record<string, unknown>;
}

function resources(cpu: string, memory: string, cpuLimit: string, memoryLimit: string): ResourceRequirements {
  return { requests: { cpu, memory }, limits: { cpu: cpuLimit, memory: memoryLimit } };
}

function cache(memoryLimitMb: number): CacheConfig {
  const cpu = '500m';
  return {
    enabled: true,
    replicas: 1,
    memoryLimitMb,
    maxItemSizeMb: 5,
    connectionLimit: 16384,
    cpuRequest: cpu,
    cpuLimit: cpu,
  };
}

/** The first schema period's date: a fixed day (never the clock), before any environment of this platform existed. */
export const SCHEMA_START = '2025-01-01';

export const defaults: LokiConfig = {
  mode: 'simple-scalable',
  image: LOKI_IMAGE,
  logLevel: 'info',
  replicationFactor: 3,
  retentionPeriod: '744h',
  schemaPeriods: [{ from: SCHEMA_START, schema: 'v13' }],
  limits: {
    ingestionRateMb: 10,
    ingestionBurstSizeMb: 20,
    maxGlobalStreamsPerUser: 10000,
    maxQueryParallelism: 32,
    maxQueryLength: '721h',
    splitQueriesByInterval: '30m',
    rejectOldSamplesMaxAge: '168h',
    allowStructuredMetadata: true,
    volumeEnabled: true,
  },
  tenantOverrides: {},
  usageReporting: false,
  caches: {
    chunks: cache(4096),
    results: cache(1024),
    image: MEMCACHED_IMAGE,
    exporterImage: MEMCACHED_EXPORTER_IMAGE,
  },

  read: { replicas: 3, autoscaling: undefined, resources: resources('500m', '1Gi', '2', '4Gi') },
  write: {
    replicas: 3,
    storageSize: '10Gi',
    storageClassName: undefined,
    resources: resources('500m', '2Gi', '2', '4Gi'),
  },
  backend: {
    replicas: 3,
    storageSize: '10Gi',
    storageClassName: undefined,
    resources: resources('250m', '1Gi', '1', '2Gi'),
  },

  distributor: { replicas: 3, autoscaling: undefined, resources: resources('500m', '512Mi', '1', '1Gi') },
  ingester: {
    replicas: 3,
    storageSize: '10Gi',
    storageClassName: undefined,
    resources: resources('500m', '2Gi', '2', '4Gi'),
  },
  querier: { replicas: 3, autoscaling: undefined, resources: resources('500m', '1Gi', '2', '4Gi') },
  queryFrontend: { replicas: 2, autoscaling: undefined, resources: resources('250m', '512Mi', '1', '1Gi') },
  queryScheduler: { replicas: 2, resources: resources('100m', '128Mi', '500m', '512Mi') },
  indexGateway: {
    replicas: 2,
    storageSize: '10Gi',
    storageClassName: undefined,
    resources: resources('250m', '1Gi', '1', '2Gi'),
  },
  compactor: { storageSize: '10Gi', storageClassName: undefined, resources: resources('250m', '1Gi', '1', '4Gi') },
  ruler: { enabled: false, replicas: 2, resources: resources('250m', '512Mi', '1', '2Gi') },

  network: { pushFrom: ['alloy'], queryFrom: ['grafana'] },
  extraConfig: {},
};
