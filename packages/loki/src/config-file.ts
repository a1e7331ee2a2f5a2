import {
  applyPatch,
  type BuildContext,
  type ObjectStorage,
  parseDuration,
  type ResolvedObjectStorage,
  s3CredentialReferences,
} from '@platform/core';
import { type MemberlistConfig, memberlistConfig } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { GRPC_PORT, HTTP_PORT, type LokiAddresses } from './endpoints.js';

/** Where Loki keeps local data (WAL, TSDB index and cache, compactor and ruler work). Every pod mounts a volume here. */
export const DATA_PATH = '/var/loki';
/** Where the config file and the runtime configuration are mounted. */
export const CONFIG_PATH = '/etc/loki/config/config.yaml';
export const RUNTIME_CONFIG_PATH = '/etc/loki/runtime/runtime.yaml';

/** The S3 client block Loki uses for chunks (`common.storage.s3`) and rules (`ruler.storage.s3`). */
interface LokiS3 {
  endpoint: string;
  region: string;
  bucketnames: string;
  s3forcepathstyle: boolean;
  insecure: boolean;
  access_key_id?: string;
  secret_access_key?: string;
}

/** The parts of Loki's configuration file this package writes (keys as in Loki's configuration reference). */
export interface LokiConfigFile {
  auth_enabled: boolean;
  server: Record<string, string | number>;
  common: {
    path_prefix: string;
    replication_factor: number;
    compactor_grpc_address: string;
    ring: { kvstore: { store: 'memberlist' } };
    storage: { s3: LokiS3 };
  };
  memberlist: MemberlistConfig;
  schema_config: {
    configs: Array<{
      from: string;
      store: 'tsdb';
      object_store: 's3';
      schema: string;
      index: { prefix: string; period: string };
    }>;
  };
  storage_config: { tsdb_shipper: { index_gateway_client: { server_address: string } } };
  compactor: { retention_enabled: boolean; delete_request_store: 's3'; working_directory: string };
  limits_config: Record<string, string | number | boolean>;
  runtime_config: { file: string };
  chunk_store_config?: { chunk_cache_config: LokiMemcachedCache };
  query_range: {
    align_queries_with_step: boolean;
    cache_results: boolean;
    results_cache?: { cache: LokiMemcachedCache };
  };
  frontend: Record<string, string | boolean>;
  frontend_worker?: { scheduler_address: string };
  ruler: {
    storage: { type: 's3'; s3: LokiS3 };
    rule_path: string;
    wal: { dir: string };
    enable_api: boolean;
    alertmanager_url?: string;
  };
  analytics: { reporting_enabled: boolean };
  [extra: string]: unknown;
}

/** A memcached-backed cache as Loki configures it. */
interface LokiMemcachedCache {
  memcached?: { batch_size: number; parallelism: number };
  memcached_client: {
    addresses: string;
    consistent_hash: boolean;
    timeout: string;
    max_idle_conns: number;
    update_interval?: string;
  };
}

/** `<prefix>-loki-<purpose>`: the bucket naming every store of the platform follows. */
export function bucketName(storage: ObjectStorage, purpose: 'chunks' | 'ruler'): string {
  return `${storage.bucketPrefix}-loki-${purpose}`;
}

function s3(storage: ResolvedObjectStorage, purpose: 'chunks' | 'ruler'): LokiS3 {
  const credentials = s3CredentialReferences(storage);
  return {
    endpoint: storage.endpoint,
    region: storage.region,
    bucketnames: bucketName(storage, purpose),
    s3forcepathstyle: storage.pathStyle,
    insecure: storage.insecure ?? false,
    // `${AWS_...}` references, expanded from the pods' env (`-config.expand-env=true`): no secret is ever rendered.
    ...(credentials ? { access_key_id: credentials.accessKey, secret_access_key: credentials.secretKey } : {}),
  };
}

/** What the config file depends on besides the component's own configuration. */
export interface ConfigFileInputs {
  addresses: LokiAddresses;
  /** memberlist join address of the component's gossip ring Service. */
  gossipJoinAddress: string;
  /** Alertmanager the ruler sends alerts to, when the environment has one. */
  alertmanagerUrl?: string;
}

/**
 * Loki's configuration file. One file serves every target: each process runs the modules its `-target`
 * selects and ignores the rest.
 */
export function lokiConfigFile(
  context: Pick<BuildContext<LokiConfig>, 'name' | 'namespace' | 'config' | 'environment'>,
  inputs: ConfigFileInputs,
): LokiConfigFile {
  const { config, environment } = context;
  const storage = environment.settings.objectStorage;
  const { addresses } = inputs;
  const microservices = config.mode === 'microservices';
  const { chunks, results } = config.caches;
  const file: LokiConfigFile = {
    auth_enabled: true,
    server: {
      http_listen_port: HTTP_PORT,
      grpc_listen_port: GRPC_PORT,
      log_level: config.logLevel,
      // Long queries and large pushes: Grafana's defaults for Loki behind a frontend.
      http_server_read_timeout: '600s',
      http_server_write_timeout: '600s',
      grpc_server_max_recv_msg_size: 104857600,
      grpc_server_max_send_msg_size: 104857600,
    },
    common: {
      path_prefix: DATA_PATH,
      replication_factor: config.replicationFactor,
      compactor_grpc_address: addresses.compactorGrpc,
      ring: { kvstore: { store: 'memberlist' } },
      storage: { s3: s3(storage, 'chunks') },
    },
    // The cluster label keeps this ring from merging with another memberlist cluster (Mimir, Tempo) that reuses pod IPs.
    memberlist: memberlistConfig(inputs.gossipJoinAddress, `${context.name}.${context.namespace}`),
    schema_config: {
      configs: config.schemaPeriods.map((period) => ({
        from: period.from,
        store: 'tsdb',
        object_store: 's3',
        schema: period.schema,
        index: { prefix: 'index_', period: '24h' },
      })),
    },
    storage_config: { tsdb_shipper: { index_gateway_client: { server_address: addresses.indexGateway } } },
    compactor: {
      retention_enabled: parseDuration(config.retentionPeriod, 'prometheus') !== 0,
      delete_request_store: 's3',
      working_directory: `${DATA_PATH}/compactor`,
    },
    limits_config: {
      retention_period: config.retentionPeriod,
      ingestion_rate_strategy: 'global',
      ingestion_rate_mb: config.limits.ingestionRateMb,
      ingestion_burst_size_mb: config.limits.ingestionBurstSizeMb,
      max_global_streams_per_user: config.limits.maxGlobalStreamsPerUser,
      max_query_parallelism: config.limits.maxQueryParallelism,
      max_query_length: config.limits.maxQueryLength,
      split_queries_by_interval: config.limits.splitQueriesByInterval,
      reject_old_samples: true,
      reject_old_samples_max_age: config.limits.rejectOldSamplesMaxAge,
      allow_structured_metadata: config.limits.allowStructuredMetadata,
      volume_enabled: config.limits.volumeEnabled,
      max_cache_freshness_per_query: '10m',
    },
    runtime_config: { file: RUNTIME_CONFIG_PATH },
    ...(chunks.enabled
      ? {
          chunk_store_config: {
            chunk_cache_config: {
              memcached: { batch_size: 4, parallelism: 5 },
              memcached_client: {
                addresses: addresses.chunksCache,
                consistent_hash: true,
                timeout: '2s',
                max_idle_conns: 72,
              },
            },
          },
        }
      : {}),
    query_range: {
      align_queries_with_step: true,
      cache_results: results.enabled,
      ...(results.enabled
        ? {
            results_cache: {
              cache: {
                memcached_client: {
                  addresses: addresses.resultsCache,
                  consistent_hash: true,
                  timeout: '500ms',
                  max_idle_conns: 16,
                  update_interval: '1m',
                },
              },
            },
          }
        : {}),
    },
    frontend: {
      compress_responses: true,
      log_queries_longer_than: '5s',
      ...(microservices
        ? { scheduler_address: addresses.queryScheduler!, tail_proxy_url: addresses.tailProxyUrl! }
        : {}),
    },
    ...(microservices ? { frontend_worker: { scheduler_address: addresses.queryScheduler! } } : {}),
    ruler: {
      storage: { type: 's3', s3: s3(storage, 'ruler') },
      rule_path: `${DATA_PATH}/rules-temp`,
      // The default is relative to the working directory `/`, which is read-only.
      wal: { dir: `${DATA_PATH}/ruler-wal` },
      enable_api: true,
      ...(inputs.alertmanagerUrl ? { alertmanager_url: inputs.alertmanagerUrl } : {}),
    },
    analytics: { reporting_enabled: config.usageReporting },
  };
  return Object.keys(config.extraConfig).length === 0 ? file : applyPatch(file, config.extraConfig as never);
}

/** The runtime configuration: per-tenant limits Loki reloads without a restart. */
export function runtimeConfigFile(config: LokiConfig): { overrides: Record<string, Record<string, unknown>> } {
  return { overrides: config.tenantOverrides };
}
