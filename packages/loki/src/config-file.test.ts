import { type IService, serialize } from '@platform/core';
import { configMapFile, renderForTest, yamlBlocks } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { loki } from './index.js';

const withCredentials = {
  settings: {
    baseDomain: 'test.example.com',
    objectStorage: {
      endpoint: 'minio.storage.svc:9000',
      region: 'us-east-1',
      bucketPrefix: 'acme',
      insecure: true,
      credentialsSecret: 'object-storage',
    },
  },
};

function dns(service: IService): string {
  return `${service.metadata!.name}.${service.metadata!.namespace}.svc.cluster.local`;
}

describe('the Loki config file', async () => {
  const { objects } = await renderForTest([loki()]);
  const rendered = objects('loki');
  const file = yamlBlocks(configMapFile(rendered.config_configmap, 'config.yaml'));

  it('is multi-tenant', () => {
    expect(file.auth_enabled).toBe('auth_enabled: true\n');
  });

  it('stores chunks in the environment bucket over S3, virtual-hosted on AWS, with credentials from the pod identity', () => {
    expect(file.common).toBe(
      serialize({
        common: {
          path_prefix: '/var/loki',
          replication_factor: 3,
          compactor_grpc_address: `${dns(rendered.backend_service as IService)}:9095`,
          ring: { kvstore: { store: 'memberlist' } },
          storage: {
            s3: {
              endpoint: 's3.eu-west-1.amazonaws.com',
              region: 'eu-west-1',
              bucketnames: 'acme-test-loki-chunks',
              s3forcepathstyle: false,
              insecure: false,
            },
          },
        },
      }),
    );
    expect(file.ruler).toContain('bucketnames: acme-test-loki-ruler\n');
  });

  it('joins the memberlist ring through the rendered gossip Service', () => {
    const gossip = rendered.gossip_ring_service as IService;
    expect(file.memberlist).toBe(
      serialize({
        memberlist: {
          join_members: [`dns+${dns(gossip)}.:${gossip.spec!.ports![0]!.port}`],
          bind_port: 7946,
          abort_if_cluster_join_fails: false,
          cluster_label: 'loki.loki',
        },
      }),
    );
  });

  it('uses one TSDB v13 schema from a fixed date', () => {
    expect(file.schema_config).toBe(
      serialize({
        schema_config: {
          configs: [
            {
              from: '2025-01-01',
              store: 'tsdb',
              object_store: 's3',
              schema: 'v13',
              index: { prefix: 'index_', period: '24h' },
            },
          ],
        },
      }),
    );
  });

  it('applies retention in the compactor', () => {
    expect(file.compactor).toBe(
      serialize({
        compactor: { retention_enabled: true, delete_request_store: 's3', working_directory: '/var/loki/compactor' },
      }),
    );
    expect(file.limits_config).toContain('  retention_period: 744h\n');
  });

  it('sends index queries to every backend pod and caches to the rendered memcached Services', () => {
    expect(file.storage_config).toContain(
      `server_address: dns+${dns(rendered.backend_headless_service as IService)}.:9095\n`,
    );
    expect(file.chunk_store_config).toContain(
      `addresses: dns+${dns(rendered.chunks_cache_service as IService)}.:11211\n`,
    );
    expect(file.query_range).toContain(`addresses: dns+${dns(rendered.results_cache_service as IService)}.:11211\n`);
    expect(file.query_range).toContain('cache_results: true\n');
  });

  it('leaves scheduler discovery to the ring in simple-scalable mode', () => {
    expect(file.frontend_worker).toBeUndefined();
    expect(file.frontend).not.toContain('scheduler_address');
  });

  it('writes an empty runtime configuration by default', () => {
    expect(configMapFile(rendered.runtime_configmap, 'runtime.yaml')).toBe(serialize({ overrides: {} }));
  });

  it('hands Secret credentials to Loki through the environment', async () => {
    const { objects: secured } = await renderForTest([loki()], withCredentials);
    const objects = secured('loki');
    const config = yamlBlocks(configMapFile(objects.config_configmap, 'config.yaml'));
    expect(config.common).toContain(
      [
        '      access_key_id: ${AWS_ACCESS_KEY_ID}',
        '      bucketnames: acme-loki-chunks',
        '      endpoint: minio.storage.svc:9000',
        '      insecure: true',
        '      region: us-east-1',
        '      s3forcepathstyle: true',
        '      secret_access_key: ${AWS_SECRET_ACCESS_KEY}',
      ].join('\n'),
    );
    for (const key of ['read_deployment', 'write_statefulset', 'backend_statefulset']) {
      const container = (
        objects[key] as unknown as {
          spec: { template: { spec: { containers: Array<{ args: string[]; env: unknown[] }> } } };
        }
      ).spec.template.spec.containers[0]!;
      expect(container.args).toContain('-config.expand-env=true');
      expect(container.env).toEqual([
        {
          name: 'AWS_ACCESS_KEY_ID',
          valueFrom: { secretKeyRef: { name: 'object-storage', key: 'AWS_ACCESS_KEY_ID' } },
        },
        {
          name: 'AWS_SECRET_ACCESS_KEY',
          valueFrom: { secretKeyRef: { name: 'object-storage', key: 'AWS_SECRET_ACCESS_KEY' } },
        },
      ]);
    }
  });

  it('follows configuration: retention, limits, tenant overrides, caches, extra config', async () => {
    const { objects: configured } = await renderForTest([
      loki({
        retentionPeriod: '0s',
        limits: { ingestionRateMb: 50, ingestionBurstSizeMb: 100 },
        tenantOverrides: { 'team-a': { retention_period: '2160h' } },
        caches: { results: { enabled: false } },
        extraConfig: { querier: { max_concurrent: 8 }, server: { log_format: 'json' } },
      }),
    ]);
    const objects = configured('loki');
    const config = yamlBlocks(configMapFile(objects.config_configmap, 'config.yaml'));
    expect(config.compactor).toContain('retention_enabled: false');
    expect(config.limits_config).toContain('  ingestion_rate_mb: 50\n');
    expect(config.limits_config).toContain('  ingestion_burst_size_mb: 100\n');
    expect(config.query_range).toBe(
      serialize({ query_range: { align_queries_with_step: true, cache_results: false } }),
    );
    expect(config.querier).toBe(serialize({ querier: { max_concurrent: 8 } }));
    expect(config.server).toContain('  log_format: json\n  log_level: info\n');
    expect(objects.results_cache_statefulset).toBeUndefined();
    expect(objects.chunks_cache_statefulset).toBeDefined();
    expect(configMapFile(objects.runtime_configmap, 'runtime.yaml')).toBe(
      serialize({ overrides: { 'team-a': { retention_period: '2160h' } } }),
    );
  });
});
