import type { ResourceRequirements } from '@platform/core';
import {
  type AutoscaledWorkloadConfig,
  type CacheConfig,
  type LogLevel,
  MEMCACHED_EXPORTER_IMAGE,
  MEMCACHED_IMAGE,
} from '@platform/grafana-databases';

export type { CacheConfig };

/** Settings shared by every Mimir workload; each component documents its own defaults. */
export interface WorkloadConfig {
  /** Number of pods. */
  replicas: number;
  /**
   * Requests and limits of the Mimir container. Following Grafana's Jsonnet, containers request CPU and memory and
   * limit memory only: a CPU limit throttles Go's garbage collector at the worst moment.
   */
  resources: ResourceRequirements;
  /**
   * Extra command-line flags of this component only, without the leading dash: `{ 'log.level': 'debug' }`.
   * They win over the flags the library sets. Default `{}`.
   */
  extraArgs: Record<string, string | number | boolean>;
}

/**
 * A stateless Mimir workload (a Deployment: distributors, queriers, query-frontends) that may also scale
 * horizontally; `autoscaling` defaults to off.
 */
export type ScalableWorkloadConfig = WorkloadConfig & AutoscaledWorkloadConfig;

/** The persistent volume of a stateful Mimir workload, mounted at `/data`. */
export interface VolumeConfig {
  /** Requested size, e.g. `20Gi`. */
  size: string;
  /** Storage class; default: the cluster's default class. */
  storageClassName?: string;
}

/** Configuration of `@platform/mimir`. Every field is optional for users; the defaults below fill the rest. */
export interface MimirConfig {
  /** Container images (defaults on each field). */
  images: {
    /** Mimir image for every Mimir component. Default `grafana/mimir:3.0.6`. */
    mimir: string;
    /** Memcached image. Default `memcached:1.6.40-alpine` (core's `MEMCACHED_IMAGE`, shared by every store). */
    memcached: string;
    /** Memcached exporter image. Default `prom/memcached-exporter:v0.15.5` (core's `MEMCACHED_EXPORTER_IMAGE`). */
    memcachedExporter: string;
  };
  /** Log level of every Mimir component (`server.log_level`): `debug`, `info`, `warn` or `error`. Default `info`. */
  logLevel: LogLevel;
  /**
   * Send anonymous usage statistics to Grafana Labs (`usage_stats.enabled`). Default `false`: the namespace's
   * egress policy only allows object storage, so reports could not leave the cluster anyway.
   */
  usageStats: boolean;

  /** Distributors: receive remote-write pushes and fan them out to ingesters. Default 2 replicas, 500m / 512Mi, limit 1Gi. */
  distributor: ScalableWorkloadConfig & {
    /**
     * Deduplicate samples of HA Prometheus/Alloy pairs by their `cluster` and `__replica__` labels
     * (HA tracker on memberlist, accepted for every tenant). Default `true`, as in Grafana's Jsonnet.
     */
    haTracker: boolean;
  };
  /** Ingesters: keep recent samples in memory and on disk, ship 2h blocks to object storage. Default 3 replicas, 1 CPU / 2Gi, limit 4Gi. */
  ingester: WorkloadConfig & {
    /** Copies of every series across ingesters (`ingester.ring.replication_factor`). Default 3. */
    replicationFactor: number;
    /** Volume for the TSDB head, WAL and ring tokens. Default 20Gi, default storage class. */
    storage: VolumeConfig;
  };
  /** Queriers: evaluate PromQL over ingesters and store-gateways. Default 2 replicas, 500m / 1Gi, limit 2Gi. */
  querier: ScalableWorkloadConfig & {
    /** Queries one querier runs at once (`querier.max_concurrent`). Default 8, as in Grafana's Jsonnet. */
    maxConcurrent: number;
  };
  /** Query-frontends: the query API; split, shard and cache queries. Default 2 replicas, 250m / 256Mi, limit 512Mi. */
  queryFrontend: ScalableWorkloadConfig;
  /** Query-schedulers: per-tenant query queues between query-frontends and queriers. Default 2 replicas, 100m / 128Mi, limit 256Mi. */
  queryScheduler: WorkloadConfig & {
    /** Queued queries per tenant before new ones are rejected. Default 100, as in Grafana's Jsonnet. */
    maxOutstandingRequestsPerTenant: number;
  };
  /** Store-gateways: serve blocks from object storage to queriers. Default 3 replicas, 500m / 1Gi, limit 2Gi. */
  storeGateway: WorkloadConfig & {
    /** Store-gateways that load each block (`store_gateway.sharding_ring.replication_factor`). Default 3. */
    replicationFactor: number;
    /** Volume for index-headers and ring tokens. Default 10Gi, default storage class. */
    storage: VolumeConfig;
  };
  /** Compactors: compact blocks in object storage and apply retention. Default 1 replica, 500m / 1Gi, limit 2Gi. */
  compactor: WorkloadConfig & {
    /** Scratch volume for blocks being compacted. Default 20Gi, default storage class. */
    storage: VolumeConfig;
  };
  /** Rulers: evaluate recording and alerting rules stored per tenant. Default 2 replicas, 250m / 512Mi, limit 1Gi. */
  ruler: WorkloadConfig & {
    /** Render the ruler. Default `true`. */
    enabled: boolean;
  };
  /** Alertmanagers: the multi-tenant Alertmanager. Default 3 replicas, 100m / 256Mi, limit 512Mi. */
  alertmanager: WorkloadConfig & {
    /** Render the Alertmanager. Default `true`. */
    enabled: boolean;
    /** Alertmanagers that hold each tenant's state (`alertmanager.sharding_ring.replication_factor`). Default 3. */
    replicationFactor: number;
    /** Volume for notification logs and silences. Default 1Gi, default storage class. */
    storage: VolumeConfig;
    /** URL (or path) under which users reach the Alertmanager, used in links of notifications. Default `/alertmanager`. */
    externalUrl: string;
    /**
     * Alertmanager configuration used for tenants that have not uploaded one. Default: one receiver named
     * `default-receiver` that sends nothing, so every tenant gets a working Alertmanager API.
     */
    fallbackConfig?: Record<string, unknown>;
    /** Allow the Alertmanager pods to reach notification receivers (HTTPS, port 443) outside the cluster. Default `true`. */
    notificationEgress: boolean;
  };
  /**
   * The memcached caches, each a StatefulSet running memcached and its Prometheus exporter; `maxItemSizeMb` is
   * also Mimir's client-side `max_item_size`. Every cache defaults to 16384 connections and a 100m CPU request
   * without CPU limit. Grafana's Jsonnet sizes them for production (chunks 6 GiB x 3); these defaults are small.
   */
  caches: {
    /** Chunks cache of store-gateways (`memcached-chunks`). Default 2 x 1024 MiB, items up to 1 MiB. */
    chunks: CacheConfig;
    /** Index cache of store-gateways (`memcached-index-queries`). Default 2 x 512 MiB, items up to 5 MiB. */
    indexQueries: CacheConfig;
    /** Metadata cache of store-gateways, queriers and rulers (`memcached-metadata`). Default 2 x 256 MiB, items up to 1 MiB. */
    metadata: CacheConfig;
    /** Results cache of query-frontends (`memcached-frontend`). Default 2 x 512 MiB, items up to 5 MiB. */
    frontend: CacheConfig;
    /** Requests and limits of every memcached exporter. Default 50m / 50Mi, limit 250Mi. */
    exporterResources: ResourceRequirements;
  };
  /** Default per-tenant limits (the `limits` block; defaults on each field); per-tenant exceptions go in `overrides`. */
  limits: {
    /** Samples per second a tenant may push (`ingestion_rate`). Default 10000. */
    ingestionRate: number;
    /** Burst of samples above the rate (`ingestion_burst_size`). Default 200000. */
    ingestionBurstSize: number;
    /** In-memory series per tenant across ingesters (`max_global_series_per_user`). Default 150000. */
    maxGlobalSeriesPerUser: number;
    /** Metric metadata entries per tenant (`max_global_metadata_per_user`). Default 30000. */
    maxGlobalMetadataPerUser: number;
    /** Metadata entries per metric (`max_global_metadata_per_metric`). Default 10. */
    maxGlobalMetadataPerMetric: number;
    /** How long blocks are kept (`compactor_blocks_retention_period`); `0s` keeps them for ever. Default `0s`. */
    retentionPeriod: string;
    /** Longest time range of one query (`max_total_query_length`). Default `12000h`. */
    maxTotalQueryLength: string;
    /** Longest time range of one partial (split) query (`max_partial_query_length`). Default `768h`. */
    maxPartialQueryLength: string;
    /** Results newer than this are not cached (`max_cache_freshness`). Default `10m`. */
    maxCacheFreshness: string;
    /** Split/sharded queries one query may run in parallel (`max_query_parallelism`). Default 240. */
    maxQueryParallelism: number;
  };
  /**
   * Per-tenant limit overrides, written to the runtime configuration file and reloaded without restarts:
   * `{ 'team-a': { ingestion_rate: 50000 } }` (keys are Mimir's `limits` keys). Default `{}`.
   */
  overrides: Record<string, Record<string, unknown>>;
  /** The `mimir` ServiceAccount every Mimir pod runs as (no annotations by default). */
  serviceAccount: {
    /** Annotations, e.g. `{ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::...' }` for IRSA. Default `{}`. */
    annotations: Record<string, string>;
  };
  /**
   * Components admitted from other namespaces, by instance name (absent ones are skipped), each on the pods and
   * port of the address it uses. Clients open the same pods and port from their side.
   */
  network: {
    /** Components that remote-write to the distributors. Default `['alloy', 'tempo']` (Alloy; Tempo's metrics-generator). */
    remoteWriteFrom: string[];
    /** Components that query the query-frontends. Default `['grafana']`. */
    queryFrom: string[];
    /** Components that call the Alertmanager API. Default `['grafana', 'loki']` (Grafana's datasource; Loki's ruler sends alerts). */
    alertmanagerFrom: string[];
  };
  /**
   * Mimir configuration deep-merged over the generated `mimir.yaml` (objects merge, lists replace), for settings
   * this library does not model: `{ querier: { timeout: '5m' } }`. Default `{}`.
   */
  extraConfig: Record<string, unknown>;
}

function resources(cpu: string, memory: string, memoryLimit: string): ResourceRequirements {
  return { requests: { cpu, memory }, limits: { memory: memoryLimit } };
}

function cache(replicas: number, memoryLimitMb: number, maxItemSizeMb: number): CacheConfig {
  return {
    enabled: true,
    replicas,
    memoryLimitMb,
    maxItemSizeMb,
    connectionLimit: 16384,
    cpuRequest: '100m',
    cpuLimit: undefined,
  };
}

/** The complete default configuration. Sizes are for a small environment; comments name Grafana's production sizes. */
export const defaults: MimirConfig = {
  images: {
    mimir: 'grafana/mimir:3.0.6',
    memcached: MEMCACHED_IMAGE,
    memcachedExporter: MEMCACHED_EXPORTER_IMAGE,
  },
  logLevel: 'info',
  usageStats: false,
  // Jsonnet: 3 x (2 CPU, 2Gi / 4Gi).
  distributor: {
    replicas: 2,
    autoscaling: undefined,
    resources: resources('500m', '512Mi', '1Gi'),
    extraArgs: {},
    haTracker: true,
  },
  // Jsonnet: 3 x (4 CPU, 15Gi / 25Gi), 100Gi.
  ingester: {
    replicas: 3,
    replicationFactor: 3,
    resources: resources('1', '2Gi', '4Gi'),
    storage: { size: '20Gi', storageClassName: undefined },
    extraArgs: {},
  },
  // Jsonnet: 6 x (1 CPU, 12Gi / 24Gi).
  querier: {
    replicas: 2,
    autoscaling: undefined,
    maxConcurrent: 8,
    resources: resources('500m', '1Gi', '2Gi'),
    extraArgs: {},
  },
  // Jsonnet: 2 x (2 CPU, 600Mi / 1200Mi).
  queryFrontend: { replicas: 2, autoscaling: undefined, resources: resources('250m', '256Mi', '512Mi'), extraArgs: {} },
  // Jsonnet: 2 x (2 CPU, 1Gi / 2Gi).
  queryScheduler: {
    replicas: 2,
    maxOutstandingRequestsPerTenant: 100,
    resources: resources('100m', '128Mi', '256Mi'),
    extraArgs: {},
  },
  // Jsonnet: 3 x (1 CPU, 12Gi / 18Gi), 50Gi.
  storeGateway: {
    replicas: 3,
    replicationFactor: 3,
    resources: resources('500m', '1Gi', '2Gi'),
    storage: { size: '10Gi', storageClassName: undefined },
    extraArgs: {},
  },
  // Jsonnet: 1 x (1 CPU, 6Gi / 6Gi), 250Gi.
  compactor: {
    replicas: 1,
    resources: resources('500m', '1Gi', '2Gi'),
    storage: { size: '20Gi', storageClassName: undefined },
    extraArgs: {},
  },
  // Jsonnet: 2 x (1 CPU, 6Gi / 16 CPU, 16Gi).
  ruler: { enabled: true, replicas: 2, resources: resources('250m', '512Mi', '1Gi'), extraArgs: {} },
  // Jsonnet: 3 x (2 CPU, 10Gi / 15Gi), 100Gi.
  alertmanager: {
    enabled: true,
    replicas: 3,
    replicationFactor: 3,
    resources: resources('100m', '256Mi', '512Mi'),
    storage: { size: '1Gi', storageClassName: undefined },
    externalUrl: '/alertmanager',
    fallbackConfig: undefined,
    notificationEgress: true,
    extraArgs: {},
  },
  caches: {
    chunks: cache(2, 1024, 1),
    indexQueries: cache(2, 512, 5),
    metadata: cache(2, 256, 1),
    frontend: cache(2, 512, 5),
    exporterResources: resources('50m', '50Mi', '250Mi'),
  },
  limits: {
    ingestionRate: 10000,
    ingestionBurstSize: 200000,
    maxGlobalSeriesPerUser: 150000,
    maxGlobalMetadataPerUser: 30000,
    maxGlobalMetadataPerMetric: 10,
    retentionPeriod: '0s',
    maxTotalQueryLength: '12000h',
    maxPartialQueryLength: '768h',
    maxCacheFreshness: '10m',
    maxQueryParallelism: 240,
  },
  overrides: {},
  serviceAccount: { annotations: {} },
  network: { remoteWriteFrom: ['alloy', 'tempo'], queryFrom: ['grafana'], alertmanagerFrom: ['grafana', 'loki'] },
  extraConfig: {},
};
