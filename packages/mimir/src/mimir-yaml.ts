/**
 * The part of Mimir's configuration file this package writes, typed after Mimir's configuration reference
 * (mimir-3.0.x `cmd/mimir/config-descriptor.json`). Keys are Mimir's own YAML keys; a misspelt key is a
 * compile error here, not a start-up failure in the cluster.
 */

/** A Go duration such as `15m`. */
type Duration = string;

/** Mimir's memcached client block (`<cache>.memcached`). */
interface MemcachedClientYaml {
  addresses: string;
  timeout?: Duration;
  max_item_size?: number;
  max_idle_connections?: number;
  max_async_concurrency?: number;
  max_get_multi_concurrency?: number;
}

/** A cache block (`backend` plus the memcached client). */
export interface CacheYaml {
  backend: 'memcached' | 'inmemory';
  memcached?: MemcachedClientYaml;
}

/** A key-value store of a hash ring (`<ring>.kvstore`). */
export interface KVStoreYaml {
  store: 'memberlist';
  prefix?: string;
}

/** The S3 client block. */
export interface S3Yaml {
  endpoint?: string;
  region?: string;
  /** How buckets are addressed; Mimir's default `auto` guesses from the endpoint. */
  bucket_lookup_type?: 'auto' | 'path' | 'virtual-hosted';
  bucket_name?: string;
  access_key_id?: string;
  secret_access_key?: string;
  insecure?: boolean;
}

/** The Mimir configuration file as this package writes it. */
export interface MimirYaml {
  activity_tracker: { filepath: string };
  usage_stats: { enabled: boolean; installation_mode?: 'custom' | 'helm' | 'jsonnet' };
  server: {
    http_listen_port: number;
    grpc_listen_port: number;
    log_level: 'debug' | 'info' | 'warn' | 'error';
    grpc_server_min_time_between_pings: Duration;
    grpc_server_ping_without_stream_allowed: boolean;
  };
  common: { storage: { backend: 's3'; s3: S3Yaml } };
  runtime_config: { file: string };
  memberlist: { join_members: string[]; bind_port: number; abort_if_cluster_join_fails: boolean };
  distributor: {
    ring: { kvstore: KVStoreYaml; heartbeat_period: Duration; heartbeat_timeout: Duration };
    ha_tracker: { enable_ha_tracker: boolean; kvstore: KVStoreYaml };
    pool: { health_check_ingesters: boolean };
  };
  ingester: {
    ring: {
      kvstore: KVStoreYaml;
      replication_factor: number;
      heartbeat_period: Duration;
      heartbeat_timeout: Duration;
      num_tokens: number;
      tokens_file_path: string;
      unregister_on_shutdown: boolean;
    };
  };
  blocks_storage: {
    s3: S3Yaml;
    tsdb: { dir: string; head_compaction_interval: Duration; ship_interval: Duration; wal_replay_concurrency: number };
    bucket_store: {
      sync_dir: string;
      sync_interval: Duration;
      chunks_cache?: CacheYaml;
      index_cache?: CacheYaml;
      metadata_cache?: CacheYaml;
    };
  };
  store_gateway: {
    sharding_ring: {
      kvstore: KVStoreYaml;
      replication_factor: number;
      heartbeat_period: Duration;
      heartbeat_timeout: Duration;
      tokens_file_path: string;
      unregister_on_shutdown: boolean;
      wait_stability_min_duration: Duration;
    };
  };
  compactor: {
    data_dir: string;
    block_ranges: Duration[];
    compaction_interval: Duration;
    cleanup_interval: Duration;
    deletion_delay: Duration;
    first_level_compaction_wait_period: Duration;
    compaction_concurrency: number;
    max_opening_blocks_concurrency: number;
    max_closing_blocks_concurrency: number;
    symbols_flushers_concurrency: number;
    sharding_ring: {
      kvstore: KVStoreYaml;
      heartbeat_period: Duration;
      heartbeat_timeout: Duration;
      wait_stability_min_duration: Duration;
    };
  };
  querier: { max_concurrent: number; store_gateway_client: { max_recv_msg_size: number } };
  frontend_worker: { scheduler_address: string; grpc_client_config: { max_send_msg_size: number } };
  frontend: {
    scheduler_address: string;
    parallelize_shardable_queries: boolean;
    query_sharding_target_series_per_shard: number;
    cache_results: boolean;
    results_cache?: CacheYaml;
  };
  query_scheduler: { max_outstanding_requests_per_tenant: number };
  ruler?: { rule_path: string; enable_api: boolean; ring: { kvstore: KVStoreYaml } };
  ruler_storage: { s3: S3Yaml; cache?: CacheYaml };
  alertmanager?: {
    data_dir: string;
    enable_api: boolean;
    external_url: string;
    fallback_config_file: string;
    sharding_ring: { kvstore: KVStoreYaml; replication_factor: number };
  };
  alertmanager_storage: { s3: S3Yaml };
  limits: {
    ingestion_rate: number;
    ingestion_burst_size: number;
    accept_ha_samples: boolean;
    max_global_series_per_user: number;
    max_global_metadata_per_user: number;
    max_global_metadata_per_metric: number;
    max_partial_query_length: Duration;
    max_total_query_length: Duration;
    max_cache_freshness: Duration;
    max_query_parallelism: number;
    compactor_blocks_retention_period: Duration;
    compactor_split_and_merge_shards: number;
    compactor_split_groups: number;
    compactor_tenant_shard_size: number;
    ruler_alertmanager_client_config?: { alertmanager_url: string };
  };
}
