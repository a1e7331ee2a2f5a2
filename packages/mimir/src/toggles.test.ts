import { container } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { configFile, renderMimir } from './mimir.test-helpers.js';

const keysOf = (objects: Record<string, unknown>, prefix: string) =>
  Object.keys(objects).filter((key) => key.startsWith(prefix));

describe('toggles', () => {
  it("ruler.enabled: false removes the ruler's objects and configuration", async () => {
    const objects = await renderMimir({ ruler: { enabled: false } });
    expect(keysOf(objects, 'ruler_')).toEqual([]);
    const config = configFile({ ruler: { enabled: false } });
    expect(config).not.toHaveProperty('ruler');
    expect(config.limits).not.toHaveProperty('ruler_alertmanager_client_config');
    expect(config.ruler_storage.s3.bucket_name).toBe('acme-test-mimir-ruler');
  });

  it("alertmanager.enabled: false removes the Alertmanager, its fallback config, its policies and the rulers' notifier", async () => {
    const objects = await renderMimir({ alertmanager: { enabled: false } });
    expect(keysOf(objects, 'alertmanager_')).toEqual([]);
    expect(objects.networkpolicy_allow_alertmanager_notifications).toBeUndefined();
    const config = configFile({ alertmanager: { enabled: false } });
    expect(config).not.toHaveProperty('alertmanager');
    expect(config.limits).not.toHaveProperty('ruler_alertmanager_client_config');
    expect(objects.ruler_deployment).toBeDefined();
  });

  it('a disabled cache renders nothing and Mimir runs without it', async () => {
    const objects = await renderMimir({ caches: { chunks: { enabled: false }, metadata: { enabled: false } } });
    expect(keysOf(objects, 'memcached_chunks_')).toEqual([]);
    expect(keysOf(objects, 'memcached_metadata_')).toEqual([]);
    expect(keysOf(objects, 'memcached_index_queries_')).toHaveLength(4);
    const config = configFile({ caches: { chunks: { enabled: false }, metadata: { enabled: false } } });
    expect(config.blocks_storage.bucket_store).not.toHaveProperty('chunks_cache');
    expect(config.blocks_storage.bucket_store).not.toHaveProperty('metadata_cache');
    expect(config.ruler_storage).not.toHaveProperty('cache');
  });

  it('without prometheus-operator (serviceMonitors: false) there are no ServiceMonitors and no PrometheusRule', async () => {
    const objects = await renderMimir(
      {},
      {
        settings: {
          baseDomain: 'test.example.com',
          objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
          serviceMonitors: false,
        },
      },
    );
    expect(Object.values(objects).filter((o) => o.kind === 'ServiceMonitor' || o.kind === 'PrometheusRule')).toEqual(
      [],
    );
    expect(objects.ingester_statefulset).toBeDefined();
  });

  it('a disabled HA tracker is off in the distributor and in the per-tenant limit', () => {
    const config = configFile({ distributor: { haTracker: false } });
    expect(config.distributor.ha_tracker.enable_ha_tracker).toBe(false);
    expect(config.limits.accept_ha_samples).toBe(false);
  });

  it('single-replica stateless components get no PodDisruptionBudget', async () => {
    const objects = await renderMimir({ querier: { replicas: 1 } });
    expect(objects.querier_pdb).toBeUndefined();
    expect(container(objects.querier_deployment, 'querier').args).toContain('-target=querier');
  });
});
