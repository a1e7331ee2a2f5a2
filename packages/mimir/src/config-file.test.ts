import { type KubeObject, serialize } from '@platform/core';
import { container } from '@platform/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { configDocument, configFile, renderMimir, view, workload } from './mimir.test-helpers.js';

let objects: Record<string, KubeObject>;
beforeAll(async () => {
  objects = await renderMimir();
});

const config = configFile();

/** The in-cluster DNS name of a rendered Service. */
function dnsName(serviceKey: string): string {
  const service = objects[serviceKey]!;
  return `${service.metadata!.name}.${service.metadata!.namespace}.svc.cluster.local`;
}

function servicePort(serviceKey: string, name: string): number {
  return view<{ spec: { ports: Array<{ name: string; port: number }> } }>(objects[serviceKey]).spec.ports.find(
    (p) => p.name === name,
  )!.port;
}

describe('mimir.yaml', () => {
  it('is the ConfigMap mimir-config, key mimir.yaml, mounted where -config.file points', () => {
    const configMap = view<{ metadata: { name: string }; data: Record<string, string> }>(objects.config_configmap);
    expect(configMap.metadata.name).toBe('mimir-config');
    expect(configMap.data['mimir.yaml']).toBe(serialize(configDocument()));
    const distributor = workload(objects.distributor_deployment);
    expect(distributor.spec.template.spec.volumes).toContainEqual({
      name: 'config',
      configMap: { name: 'mimir-config' },
    });
    expect(container(distributor, 'distributor').volumeMounts).toContainEqual({
      name: 'config',
      mountPath: '/etc/mimir',
      readOnly: true,
    });
  });

  it("stores blocks, rules and Alertmanager state in S3 buckets named after the environment's prefix", () => {
    expect(config.common.storage).toEqual({
      backend: 's3',
      s3: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucket_lookup_type: 'virtual-hosted' },
    });
    expect(config.blocks_storage.s3.bucket_name).toBe('acme-test-mimir-blocks');
    expect(config.ruler_storage.s3.bucket_name).toBe('acme-test-mimir-ruler');
    expect(config.alertmanager_storage.s3.bucket_name).toBe('acme-test-mimir-alertmanager');
  });

  it("joins memberlist through the gossip-ring Service's DNS name and port", () => {
    expect(config.memberlist.join_members).toEqual([
      `dns+${dnsName('gossip_ring_service')}.:${servicePort('gossip_ring_service', 'gossip-ring')}`,
    ]);
    expect(config.memberlist.join_members).toEqual(['dns+gossip-ring.mimir.svc.cluster.local.:7946']);
    expect(config.memberlist.bind_port).toBe(7946);
    for (const ring of [
      config.distributor.ring,
      config.ingester.ring,
      config.store_gateway.sharding_ring,
      config.compactor.sharding_ring,
      config.ruler!.ring,
      config.alertmanager!.sharding_ring,
    ]) {
      expect(ring.kvstore).toEqual({ store: 'memberlist' });
    }
    expect(config.distributor.ha_tracker).toEqual({ enable_ha_tracker: true, kvstore: { store: 'memberlist' } });
  });

  it('points every cache client at the real memcached Service, with the item size memcached runs with', () => {
    const address = (serviceKey: string) => `dns+${dnsName(serviceKey)}.:${servicePort(serviceKey, 'client')}`;
    const bucketStore = config.blocks_storage.bucket_store;
    expect(bucketStore.chunks_cache!.memcached!.addresses).toBe(address('memcached_chunks_service'));
    expect(bucketStore.index_cache!.memcached!.addresses).toBe(address('memcached_index_queries_service'));
    expect(bucketStore.metadata_cache!.memcached!.addresses).toBe(address('memcached_metadata_service'));
    expect(config.ruler_storage.cache!.memcached!.addresses).toBe(address('memcached_metadata_service'));
    expect(config.frontend.results_cache!.memcached!.addresses).toBe(address('memcached_frontend_service'));
    expect(config.frontend.cache_results).toBe(true);

    expect(bucketStore.chunks_cache!.memcached!.max_item_size).toBe(1024 * 1024);
    expect(container(objects.memcached_chunks_statefulset, 'memcached').args).toContain('-I 1m');
    expect(bucketStore.index_cache!.memcached!.max_item_size).toBe(5 * 1024 * 1024);
    expect(container(objects.memcached_index_queries_statefulset, 'memcached').args).toContain('-I 5m');
  });

  it("finds the query-schedulers through the discovery Service's gRPC port", () => {
    const scheduler = `${dnsName('query_scheduler_discovery_service')}.:${servicePort('query_scheduler_discovery_service', 'grpc')}`;
    expect(config.frontend.scheduler_address).toBe(scheduler);
    expect(config.frontend_worker.scheduler_address).toBe(scheduler);
  });

  it("sends rulers' alerts to every Alertmanager through the Service's http-metrics SRV record", () => {
    expect(servicePort('alertmanager_service', 'http-metrics')).toBe(8080);
    expect(config.limits.ruler_alertmanager_client_config!.alertmanager_url).toBe(
      `dnssrvnoa+http://_http-metrics._tcp.${dnsName('alertmanager_service')}/alertmanager`,
    );
  });

  it('keeps every path Mimir writes under /data, the one writable volume of each pod', () => {
    expect(config.activity_tracker.filepath).toBe('/data/metrics-activity.log');
    expect(config.blocks_storage.tsdb.dir).toBe('/data/tsdb');
    expect(config.blocks_storage.bucket_store.sync_dir).toBe('/data/tsdb-sync');
    expect(config.ingester.ring.tokens_file_path).toBe('/data/tokens');
    expect(config.store_gateway.sharding_ring.tokens_file_path).toBe('/data/tokens');
    expect(config.compactor.data_dir).toBe('/data');
    expect(config.ruler!.rule_path).toBe('/data/rules');
    expect(config.alertmanager!.data_dir).toBe('/data');
    expect(config.runtime_config.file).toBe('/var/mimir/runtime.yaml');
    expect(config.alertmanager!.fallback_config_file).toBe('/configs/alertmanager_fallback_config.yaml');
  });

  it("uses Mimir 3.0's key names, not deprecated, hidden or experimental ones", () => {
    // `ruler.alertmanager_url` is deprecated in favour of the per-tenant limit.
    expect(config.ruler).not.toHaveProperty('alertmanager_url');
    // Retention and compactor sharding are per-tenant limits, not compactor settings.
    expect(config.compactor).not.toHaveProperty('blocks_retention_period');
    expect(config.limits.compactor_blocks_retention_period).toBe('0s');
    expect(config.limits.compactor_split_and_merge_shards).toBe(0);
    // `-blocks-storage.tsdb.block-ranges-period` is a hidden flag with no documented YAML key.
    expect(config.blocks_storage.tsdb).not.toHaveProperty('block_ranges_period');
    // DNS is the default (and only non-experimental) scheduler discovery.
    expect(config.query_scheduler).not.toHaveProperty('service_discovery_mode');
    // The HA tracker's per-tenant switch is `accept_ha_samples`.
    expect(config.limits.accept_ha_samples).toBe(true);
    // Compactor block ranges are a list of durations, not a comma-separated string.
    expect(config.compactor.block_ranges).toEqual(['2h', '12h', '24h']);
    expect(config.usage_stats).toEqual({ enabled: false, installation_mode: 'custom' });
  });

  it('deep-merges extraConfig over the generated file; null deletes a key', () => {
    const document = configDocument({
      extraConfig: { querier: { timeout: '5m' }, usage_stats: null, server: { log_format: 'json' } },
    }) as {
      querier: Record<string, unknown>;
      server: Record<string, unknown>;
      usage_stats?: unknown;
    };
    expect(document.querier).toEqual({
      max_concurrent: 8,
      store_gateway_client: { max_recv_msg_size: 209715200 },
      timeout: '5m',
    });
    expect(document.server.log_format).toBe('json');
    expect(document.server.http_listen_port).toBe(8080);
    expect(document).not.toHaveProperty('usage_stats');
  });

  it('follows the typed settings: limits, replication factors, cache toggles', () => {
    const custom = configFile({
      ingester: { replicas: 5, replicationFactor: 5 },
      limits: { ingestionRate: 50000, retentionPeriod: '90d' },
      caches: { frontend: { enabled: false }, chunks: { enabled: false } },
    });
    expect(custom.ingester.ring.replication_factor).toBe(5);
    expect(custom.limits.ingestion_rate).toBe(50000);
    expect(custom.limits.compactor_blocks_retention_period).toBe('90d');
    expect(custom.frontend.cache_results).toBe(false);
    expect(custom.frontend).not.toHaveProperty('results_cache');
    expect(custom.blocks_storage.bucket_store).not.toHaveProperty('chunks_cache');
    expect(custom.blocks_storage.bucket_store.index_cache!.backend).toBe('memcached');
  });
});

describe('S3 credentials', () => {
  it('without a credentials Secret: no keys, no env, no expansion; IRSA annotations go on the ServiceAccount', async () => {
    expect(config.common.storage.s3).not.toHaveProperty('access_key_id');
    const irsa = await renderMimir({
      serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/mimir' } },
    });
    expect(irsa.mimir_serviceaccount!.metadata!.annotations).toEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/mimir',
    });
    expect(container(irsa.ingester_statefulset, 'ingester').env).toBeUndefined();
  });

  it('with a credentials Secret: ${AWS_...} references expanded from secretKeyRef env on the storage clients only', async () => {
    const objectStorage = {
      endpoint: 'minio.storage.svc:9000',
      region: 'us-east-1',
      bucketPrefix: 'lab',
      insecure: true,
      credentialsSecret: 'mimir-s3',
    };
    const secretConfig = configFile({}, { objectStorage });
    expect(secretConfig.common.storage.s3).toEqual({
      endpoint: 'minio.storage.svc:9000',
      region: 'us-east-1',
      bucket_lookup_type: 'path',
      insecure: true,
      access_key_id: '${AWS_ACCESS_KEY_ID}',
      secret_access_key: '${AWS_SECRET_ACCESS_KEY}',
    });
    expect(secretConfig.blocks_storage.s3.bucket_name).toBe('lab-mimir-blocks');

    const rendered = await renderMimir({}, { settings: { baseDomain: 'lab.example.com', objectStorage } });
    const ingester = container(rendered.ingester_statefulset, 'ingester');
    expect(ingester.args).toContain('-config.expand-env=true');
    expect(ingester.env).toEqual([
      { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'mimir-s3', key: 'AWS_ACCESS_KEY_ID' } } },
      {
        name: 'AWS_SECRET_ACCESS_KEY',
        valueFrom: { secretKeyRef: { name: 'mimir-s3', key: 'AWS_SECRET_ACCESS_KEY' } },
      },
    ]);
    const distributor = container(rendered.distributor_deployment, 'distributor');
    expect(distributor.args).toContain('-config.expand-env=true');
    expect(distributor.env).toBeUndefined();
    expect(Object.values(rendered).filter((o) => o.kind === 'Secret')).toEqual([]);
  });
});
