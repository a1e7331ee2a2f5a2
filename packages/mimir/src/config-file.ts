import { applyPatch, type BuildContext, configMap, type IConfigMap, serialize, serviceHost } from '@platform/core';
import { type GossipRing, memberlistConfig } from '@platform/grafana-databases';
import { cacheClient } from './caches.js';
import type { MimirConfig } from './config.js';
import {
  CONFIG_CONFIGMAP,
  CONFIG_FILE_KEY,
  DATA_DIR,
  FALLBACK_DIR,
  FALLBACK_FILE_KEY,
  GRPC_PORT,
  HTTP_PORT,
  QUERY_SCHEDULER_DISCOVERY,
  RUNTIME_DIR,
  RUNTIME_FILE_KEY,
  WORKLOAD,
} from './layout.js';
import type { KVStoreYaml, MimirYaml } from './mimir-yaml.js';
import { commonS3, mimirBuckets } from './storage.js';

const MEMBERLIST: KVStoreYaml = { store: 'memberlist' };

/**
 * Where rulers send alerts: a DNS SRV lookup of the Alertmanager Service's `http-metrics` port, so every
 * Alertmanager replica receives them (as in Mimir's Helm chart).
 */
function rulerAlertmanagerUrl(context: BuildContext<MimirConfig>): string {
  return `dnssrvnoa+http://_http-metrics._tcp.${serviceHost(WORKLOAD.alertmanager, context.namespace, context.environment.settings)}/alertmanager`;
}

/** The `host:port` queriers and query-frontends resolve to every query-scheduler. */
function querySchedulerAddress(context: BuildContext<MimirConfig>): string {
  return `${serviceHost(QUERY_SCHEDULER_DISCOVERY, context.namespace, context.environment.settings)}.:${GRPC_PORT}`;
}

/**
 * The Mimir configuration shared by every component. Settings that must differ per component (the target,
 * gRPC server tuning, shutdown delays) are flags on the component's container instead.
 * Values follow Grafana's Jsonnet (`operations/mimir`, mimir 3.0.x) unless the config says otherwise.
 */
export function mimirYaml(context: BuildContext<MimirConfig>, ring: GossipRing): MimirYaml {
  const { config } = context;
  const storage = context.environment.settings.objectStorage;
  const buckets = mimirBuckets(storage);
  const ruler = config.ruler.enabled;
  const alertmanager = config.alertmanager.enabled;
  const chunksCache = cacheClient(context, 'chunks');
  const indexCache = cacheClient(context, 'indexQueries');
  const metadataCache = cacheClient(context, 'metadata');
  const resultsCache = cacheClient(context, 'frontend');

  return {
    // The default `./metrics-activity.log` is on the read-only root file system.
    activity_tracker: { filepath: `${DATA_DIR}/metrics-activity.log` },
    usage_stats: { enabled: config.usageStats, installation_mode: 'custom' },
    server: {
      http_listen_port: HTTP_PORT,
      grpc_listen_port: GRPC_PORT,
      log_level: config.logLevel,
      grpc_server_min_time_between_pings: '10s',
      grpc_server_ping_without_stream_allowed: true,
    },
    common: { storage: { backend: 's3', s3: commonS3(storage) } },
    runtime_config: { file: `${RUNTIME_DIR}/${RUNTIME_FILE_KEY}` },
    memberlist: memberlistConfig(ring.joinAddress),
    distributor: {
      ring: { kvstore: MEMBERLIST, heartbeat_period: '1m', heartbeat_timeout: '4m' },
      ha_tracker: { enable_ha_tracker: config.distributor.haTracker, kvstore: MEMBERLIST },
      pool: { health_check_ingesters: true },
    },
    ingester: {
      ring: {
        kvstore: MEMBERLIST,
        replication_factor: config.ingester.replicationFactor,
        heartbeat_period: '2m',
        heartbeat_timeout: '10m',
        num_tokens: 512,
        tokens_file_path: `${DATA_DIR}/tokens`,
        unregister_on_shutdown: true,
      },
    },
    blocks_storage: {
      s3: { bucket_name: buckets.blocks },
      tsdb: {
        dir: `${DATA_DIR}/tsdb`,
        head_compaction_interval: '15m',
        ship_interval: '1m',
        wal_replay_concurrency: 3,
      },
      bucket_store: {
        sync_dir: `${DATA_DIR}/tsdb-sync`,
        sync_interval: '15m',
        ...(chunksCache ? { chunks_cache: chunksCache } : {}),
        ...(indexCache ? { index_cache: indexCache } : {}),
        ...(metadataCache ? { metadata_cache: metadataCache } : {}),
      },
    },
    store_gateway: {
      sharding_ring: {
        kvstore: MEMBERLIST,
        replication_factor: config.storeGateway.replicationFactor,
        heartbeat_period: '1m',
        heartbeat_timeout: '10m',
        tokens_file_path: `${DATA_DIR}/tokens`,
        unregister_on_shutdown: false,
        wait_stability_min_duration: '1m',
      },
    },
    compactor: {
      data_dir: DATA_DIR,
      block_ranges: ['2h', '12h', '24h'],
      compaction_interval: '30m',
      cleanup_interval: '15m',
      deletion_delay: '2h',
      first_level_compaction_wait_period: '25m',
      compaction_concurrency: 1,
      max_opening_blocks_concurrency: 4,
      max_closing_blocks_concurrency: 2,
      symbols_flushers_concurrency: 4,
      sharding_ring: {
        kvstore: MEMBERLIST,
        heartbeat_period: '1m',
        heartbeat_timeout: '4m',
        wait_stability_min_duration: '1m',
      },
    },
    querier: { max_concurrent: config.querier.maxConcurrent, store_gateway_client: { max_recv_msg_size: 209715200 } },
    frontend_worker: {
      scheduler_address: querySchedulerAddress(context),
      grpc_client_config: { max_send_msg_size: 104857600 },
    },
    frontend: {
      scheduler_address: querySchedulerAddress(context),
      parallelize_shardable_queries: true,
      query_sharding_target_series_per_shard: 2500,
      cache_results: resultsCache !== undefined,
      ...(resultsCache ? { results_cache: resultsCache } : {}),
    },
    query_scheduler: { max_outstanding_requests_per_tenant: config.queryScheduler.maxOutstandingRequestsPerTenant },
    ...(ruler ? { ruler: { rule_path: `${DATA_DIR}/rules`, enable_api: true, ring: { kvstore: MEMBERLIST } } } : {}),
    // Each store names its own bucket (Mimir rejects stores that share one), also while its component is off.
    ruler_storage: { s3: { bucket_name: buckets.ruler }, ...(metadataCache ? { cache: metadataCache } : {}) },
    ...(alertmanager
      ? {
          alertmanager: {
            data_dir: DATA_DIR,
            enable_api: true,
            external_url: config.alertmanager.externalUrl,
            fallback_config_file: `${FALLBACK_DIR}/${FALLBACK_FILE_KEY}`,
            sharding_ring: { kvstore: MEMBERLIST, replication_factor: config.alertmanager.replicationFactor },
          },
        }
      : {}),
    alertmanager_storage: { s3: { bucket_name: buckets.alertmanager } },
    limits: {
      ingestion_rate: config.limits.ingestionRate,
      ingestion_burst_size: config.limits.ingestionBurstSize,
      accept_ha_samples: config.distributor.haTracker,
      max_global_series_per_user: config.limits.maxGlobalSeriesPerUser,
      max_global_metadata_per_user: config.limits.maxGlobalMetadataPerUser,
      max_global_metadata_per_metric: config.limits.maxGlobalMetadataPerMetric,
      max_partial_query_length: config.limits.maxPartialQueryLength,
      max_total_query_length: config.limits.maxTotalQueryLength,
      max_cache_freshness: config.limits.maxCacheFreshness,
      max_query_parallelism: config.limits.maxQueryParallelism,
      compactor_blocks_retention_period: config.limits.retentionPeriod,
      compactor_split_and_merge_shards: 0,
      compactor_split_groups: 1,
      compactor_tenant_shard_size: 1,
      ...(ruler && alertmanager
        ? { ruler_alertmanager_client_config: { alertmanager_url: rulerAlertmanagerUrl(context) } }
        : {}),
    },
  };
}

/** The generated configuration with the user's `extraConfig` deep-merged over it. */
export function mimirConfigDocument(context: BuildContext<MimirConfig>, ring: GossipRing): Record<string, unknown> {
  return applyPatch(mimirYaml(context, ring) as unknown as Record<string, unknown>, context.config.extraConfig);
}

/** The ConfigMap `mimir-config` holding `mimir.yaml`. */
export function configConfigMap(context: BuildContext<MimirConfig>, yaml: string): IConfigMap {
  return configMap(context, CONFIG_CONFIGMAP, 'config', { [CONFIG_FILE_KEY]: yaml });
}

/** `mimir.yaml` as written to the ConfigMap. */
export function renderMimirYaml(document: Record<string, unknown>): string {
  return serialize(document);
}
