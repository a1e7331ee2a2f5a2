import { applyPatch, type BuildContext, type ObjectStorage, s3CredentialReferences } from '@platform/core';
import { type MemberlistConfig, memberlistConfig } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { GRPC_PORT, HTTP_PORT, OTLP_GRPC_PORT, OTLP_HTTP_PORT, type TempoAddresses } from './endpoints.js';

/** Where Tempo keeps local data (WAL, live-store blocks, generator WAL, scheduler work). Every pod mounts a volume here. */
export const DATA_PATH = '/var/tempo';
export const CONFIG_PATH = '/etc/tempo/config/tempo.yaml';
export const OVERRIDES_PATH = '/etc/tempo/overrides/overrides.yaml';

/** Environment variables of the Kafka SASL credentials, expanded by `-config.expand-env=true`. */
export const KAFKA_ENV = { username: 'KAFKA_SASL_USERNAME', password: 'KAFKA_SASL_PASSWORD' } as const;

/** The parts of Tempo's configuration file this package writes (keys as in Tempo's configuration reference). */
export interface TempoConfigFile {
  multitenancy_enabled: boolean;
  stream_over_http_enabled: boolean;
  server: { http_listen_port: number; grpc_listen_port: number; log_level: string };
  distributor: { receivers: { otlp: { protocols: { grpc: { endpoint: string }; http: { endpoint: string } } } } };
  ingest?: { kafka: { address: string; topic: string; sasl_username?: string; sasl_password?: string } };
  block_builder?: { partitions_per_instance: number };
  querier?: { frontend_worker: { frontend_address: string } };
  backend_scheduler: { provider: { compaction: { compaction: { block_retention: string } } } };
  backend_worker: { backend_scheduler_addr?: string; compaction: { block_retention: string } };
  metrics_generator?: { storage: { path: string; remote_write: Array<{ url: string; send_exemplars: boolean }> } };
  storage: { trace: { backend: 's3'; s3: TempoS3; wal: { path: string } } };
  memberlist?: MemberlistConfig;
  overrides: {
    defaults: {
      ingestion: { rate_limit_bytes: number; burst_size_bytes: number; max_traces_per_user: number };
      global: { max_bytes_per_trace: number };
      metrics_generator?: { processors: string[] };
    };
    per_tenant_override_config: string;
  };
  usage_report: { reporting_enabled: boolean };
  [extra: string]: unknown;
}

/** Tempo's S3 client settings. */
interface TempoS3 {
  bucket: string;
  endpoint: string;
  region: string;
  forcepathstyle: boolean;
  insecure: boolean;
  access_key?: string;
  secret_key?: string;
}

/** `<prefix>-tempo-traces`: the bucket naming every store of the platform follows. */
export function bucketName(storage: ObjectStorage): string {
  return `${storage.bucketPrefix}-tempo-traces`;
}

/** What the config file depends on besides the component's own configuration. */
export interface ConfigFileInputs {
  addresses: TempoAddresses;
  /** memberlist join address of the gossip ring Service; microservices only (the monolithic pod is its own ring). */
  gossipJoinAddress?: string;
  /** Remote-write URL of the metrics store, when the metrics-generator runs. */
  remoteWriteUrl?: string;
}

/** Tempo's configuration file. One file serves every target: each process runs what its `-target` selects. */
export function tempoConfigFile(
  context: Pick<BuildContext<TempoConfig>, 'name' | 'namespace' | 'config' | 'environment'>,
  inputs: ConfigFileInputs,
): TempoConfigFile {
  const { config, environment } = context;
  const storage = environment.settings.objectStorage;
  const credentials = s3CredentialReferences(storage);
  const microservices = config.mode === 'microservices';
  const generator = config.metricsGenerator;
  const file: TempoConfigFile = {
    multitenancy_enabled: config.multitenancy,
    // Lets Grafana stream search results over the HTTP port.
    stream_over_http_enabled: true,
    server: { http_listen_port: HTTP_PORT, grpc_listen_port: GRPC_PORT, log_level: config.logLevel },
    distributor: {
      receivers: {
        otlp: {
          protocols: {
            grpc: { endpoint: `0.0.0.0:${OTLP_GRPC_PORT}` },
            http: { endpoint: `0.0.0.0:${OTLP_HTTP_PORT}` },
          },
        },
      },
    },
    ...(microservices
      ? {
          ingest: {
            kafka: {
              address: config.kafka.address,
              topic: config.kafka.topic,
              ...(config.kafka.saslSecret
                ? { sasl_username: `\${${KAFKA_ENV.username}}`, sasl_password: `\${${KAFKA_ENV.password}}` }
                : {}),
            },
          },
          block_builder: { partitions_per_instance: config.liveStore.partitions / config.blockBuilder.replicas },
          querier: { frontend_worker: { frontend_address: inputs.addresses.queryFrontendDiscovery! } },
        }
      : {}),
    // Retention is planned by the scheduler and applied by workers; both read it.
    backend_scheduler: { provider: { compaction: { compaction: { block_retention: config.retentionPeriod } } } },
    backend_worker: {
      ...(microservices ? { backend_scheduler_addr: inputs.addresses.backendScheduler! } : {}),
      compaction: { block_retention: config.retentionPeriod },
    },
    ...(generator.enabled && inputs.remoteWriteUrl
      ? {
          metrics_generator: {
            storage: {
              path: `${DATA_PATH}/generator_wal`,
              remote_write: [{ url: inputs.remoteWriteUrl, send_exemplars: true }],
            },
          },
        }
      : {}),
    storage: {
      trace: {
        backend: 's3',
        s3: {
          bucket: bucketName(storage),
          endpoint: storage.endpoint,
          region: storage.region,
          forcepathstyle: storage.pathStyle,
          insecure: storage.insecure ?? false,
          ...(credentials ? { access_key: credentials.accessKey, secret_key: credentials.secretKey } : {}),
        },
        wal: { path: `${DATA_PATH}/wal` },
      },
    },
    ...(inputs.gossipJoinAddress
      ? {
          // The cluster label keeps this ring from merging with another memberlist cluster (Mimir, Loki) that reuses pod IPs.
          memberlist: memberlistConfig(inputs.gossipJoinAddress, `${context.name}.${context.namespace}`),
        }
      : {}),
    overrides: {
      defaults: {
        ingestion: {
          rate_limit_bytes: config.limits.rateLimitBytes,
          burst_size_bytes: config.limits.burstSizeBytes,
          max_traces_per_user: config.limits.maxTracesPerUser,
        },
        global: { max_bytes_per_trace: config.limits.maxBytesPerTrace },
        ...(generator.enabled ? { metrics_generator: { processors: generator.processors } } : {}),
      },
      per_tenant_override_config: OVERRIDES_PATH,
    },
    usage_report: { reporting_enabled: config.usageReporting },
  };
  return Object.keys(config.extraConfig).length === 0 ? file : applyPatch(file, config.extraConfig as never);
}

/** The per-tenant overrides file Tempo reloads at runtime. */
export function overridesFile(config: TempoConfig): { overrides: Record<string, Record<string, unknown>> } {
  return { overrides: config.tenantOverrides };
}
