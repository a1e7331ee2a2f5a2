import { serialize } from '@platform/core';
import { configMapFile, container, renderForTest, stubComponent, yamlBlocks } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { tempo } from './index.js';

const KAFKA = 'kafka.kafka.svc.cluster.local:9092';
const minio = {
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
const mimir = stubComponent('mimir', {
  metricsStore: {
    component: 'mimir',
    namespace: 'mimir',
    multiTenant: true,
    remoteWriteUrl: 'http://distributor.mimir.svc.cluster.local:8080/api/v1/push',
    queryUrl: 'http://query-frontend.mimir.svc.cluster.local:8080/prometheus',
    pods: {
      remoteWriteUrl: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'distributor' },
      queryUrl: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'query-frontend' },
    },
  },
});

describe('the Tempo config file', () => {
  it('is multi-tenant, streams over HTTP, writes to Kafka and sets retention for scheduler and workers', async () => {
    const { objects } = await renderForTest([tempo({ kafka: { address: KAFKA } })]);
    const file = yamlBlocks(configMapFile(objects('tempo').config_configmap, 'tempo.yaml'));
    expect(file.multitenancy_enabled).toBe('multitenancy_enabled: true\n');
    expect(file.stream_over_http_enabled).toBe('stream_over_http_enabled: true\n');
    expect(file.ingest).toBe(serialize({ ingest: { kafka: { address: KAFKA, topic: 'tempo-ingest' } } }));
    expect(file.backend_scheduler).toBe(
      serialize({ backend_scheduler: { provider: { compaction: { compaction: { block_retention: '336h' } } } } }),
    );
    expect(file.server).toBe(
      serialize({ server: { http_listen_port: 3200, grpc_listen_port: 9095, log_level: 'info' } }),
    );
    expect(file.overrides).toBe(
      serialize({
        overrides: {
          defaults: {
            ingestion: { rate_limit_bytes: 30000000, burst_size_bytes: 30000000, max_traces_per_user: 10000 },
            global: { max_bytes_per_trace: 5000000 },
          },
          per_tenant_override_config: '/etc/tempo/overrides/overrides.yaml',
        },
      }),
    );
    expect(file.usage_report).toBe(serialize({ usage_report: { reporting_enabled: false } }));
    expect(configMapFile(objects('tempo').overrides_configmap, 'overrides.yaml')).toBe(serialize({ overrides: {} }));
  });

  it('hands object storage and Kafka credentials from Secrets to Tempo through the environment', async () => {
    const { objects } = await renderForTest([tempo({ kafka: { address: KAFKA, saslSecret: 'tempo-kafka' } })], minio);
    const rendered = objects('tempo');
    const file = yamlBlocks(configMapFile(rendered.config_configmap, 'tempo.yaml'));
    expect(file.storage).toContain(
      [
        '      access_key: ${AWS_ACCESS_KEY_ID}',
        '      bucket: acme-tempo-traces',
        '      endpoint: minio.storage.svc:9000',
        '      forcepathstyle: true',
        '      insecure: true',
        '      region: us-east-1',
        '      secret_key: ${AWS_SECRET_ACCESS_KEY}',
      ].join('\n'),
    );
    expect(file.ingest).toContain(
      '    sasl_password: ${KAFKA_SASL_PASSWORD}\n    sasl_username: ${KAFKA_SASL_USERNAME}\n',
    );
    const distributor = container(rendered.distributor_deployment);
    expect(distributor.args).toContain('-config.expand-env=true');
    expect(distributor.env).toEqual([
      { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'object-storage', key: 'AWS_ACCESS_KEY_ID' } } },
      {
        name: 'AWS_SECRET_ACCESS_KEY',
        valueFrom: { secretKeyRef: { name: 'object-storage', key: 'AWS_SECRET_ACCESS_KEY' } },
      },
      { name: 'KAFKA_SASL_USERNAME', valueFrom: { secretKeyRef: { name: 'tempo-kafka', key: 'username' } } },
      { name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { name: 'tempo-kafka', key: 'password' } } },
    ]);
  });

  it('runs the metrics-generator against the environment metrics store', async () => {
    const { objects } = await renderForTest([
      tempo({ kafka: { address: KAFKA }, metricsGenerator: { enabled: true, processors: ['span-metrics'] } }),
      mimir,
    ]);
    const rendered = objects('tempo');
    const file = yamlBlocks(configMapFile(rendered.config_configmap, 'tempo.yaml'));
    expect(file.metrics_generator).toBe(
      serialize({
        metrics_generator: {
          storage: {
            path: '/var/tempo/generator_wal',
            remote_write: [
              { url: 'http://distributor.mimir.svc.cluster.local:8080/api/v1/push', send_exemplars: true },
            ],
          },
        },
      }),
    );
    expect(file.overrides).toContain('    metrics_generator:\n      processors:\n        - span-metrics\n');
    expect(container(rendered.metrics_generator_deployment).args).toEqual([
      '-config.file=/etc/tempo/config/tempo.yaml',
      '-target=metrics-generator',
    ]);
    // It consumes the partitions the live-stores' partition ring lists, so it starts after them.
    expect(rendered.metrics_generator_deployment!.metadata?.annotations?.['argocd.argoproj.io/sync-wave']).toBe('2');
    // Only the generator pods, only to the pods behind the remote-write URL.
    expect((rendered.networkpolicy_allow_to_mimir_distributor as unknown as { spec: unknown }).spec).toEqual({
      podSelector: {
        matchLabels: { 'app.kubernetes.io/instance': 'tempo', 'app.kubernetes.io/name': 'metrics-generator' },
      },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'mimir' } },
              podSelector: {
                matchLabels: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'distributor' },
              },
            },
          ],
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ],
    });
    // The monolithic pod runs the generator itself.
    const { objects: monolithic } = await renderForTest([
      tempo({ mode: 'monolithic', metricsGenerator: { enabled: true, processors: ['span-metrics'] } }),
      mimir,
    ]);
    expect(
      (monolithic('tempo').networkpolicy_allow_to_mimir_distributor as unknown as { spec: { podSelector: unknown } })
        .spec.podSelector,
    ).toEqual({ matchLabels: { 'app.kubernetes.io/instance': 'tempo', 'app.kubernetes.io/name': 'tempo' } });
  });

  it('follows configuration: retention, limits, tenant overrides, extra config', async () => {
    const { objects } = await renderForTest([
      tempo({
        mode: 'monolithic',
        retentionPeriod: '720h',
        multitenancy: false,
        limits: { maxBytesPerTrace: 10000000 },
        tenantOverrides: { 'team-a': { ingestion: { rate_limit_bytes: 50000000 } } },
        extraConfig: { query_frontend: { search: { max_duration: '168h' } } },
      }),
    ]);
    const rendered = objects('tempo');
    const file = yamlBlocks(configMapFile(rendered.config_configmap, 'tempo.yaml'));
    expect(file.backend_worker).toContain('block_retention: 720h');
    expect(file.multitenancy_enabled).toBe('multitenancy_enabled: false\n');
    expect(file.overrides).toContain('      max_bytes_per_trace: 10000000\n');
    expect(file.query_frontend).toBe(serialize({ query_frontend: { search: { max_duration: '168h' } } }));
    expect(configMapFile(rendered.overrides_configmap, 'overrides.yaml')).toBe(
      serialize({ overrides: { 'team-a': { ingestion: { rate_limit_bytes: 50000000 } } } }),
    );
  });
});
