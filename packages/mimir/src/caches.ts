import { type BuildContext, type IStatefulSet, type NamedWorkloadObjects, namedWorkloadObjects } from '@platform/core';
import { DATABASE_STAGES, memcached, memcachedAddress } from '@platform/grafana-databases';
import type { CacheConfig, MimirConfig } from './config.js';
import type { CacheYaml } from './mimir-yaml.js';

/** The four caches of Grafana's Jsonnet, by config key. */
const CACHES = {
  chunks: { name: 'memcached-chunks', key: 'memcached_chunks' },
  indexQueries: { name: 'memcached-index-queries', key: 'memcached_index_queries' },
  metadata: { name: 'memcached-metadata', key: 'memcached_metadata' },
  frontend: { name: 'memcached-frontend', key: 'memcached_frontend' },
} as const;

export type CacheKey = keyof typeof CACHES;

/** The named objects of the caches (`memcached_chunks_statefulset` ...); a disabled cache renders none. */
export type CacheObjects = Partial<NamedWorkloadObjects<(typeof CACHES)[CacheKey]['key'], 'statefulset', IStatefulSet>>;

/** Every enabled cache's StatefulSet, Service, PodDisruptionBudget and ServiceMonitor. */
export function cacheObjects(context: BuildContext<MimirConfig>): CacheObjects {
  const { config } = context;
  const objects: Record<string, unknown> = {};
  for (const cacheKey of Object.keys(CACHES) as CacheKey[]) {
    const settings = config.caches[cacheKey];
    if (!settings.enabled) continue;
    const { name, key } = CACHES[cacheKey];
    Object.assign(
      objects,
      namedWorkloadObjects(
        key,
        'statefulset',
        memcached(context, {
          ...settings,
          name,
          image: config.images.memcached,
          exporterImage: config.images.memcachedExporter,
          exporterResources: config.caches.exporterResources,
          // As Grafana's Jsonnet: one memcached per node, and a minute of readiness before the rollout moves on.
          antiAffinity: 'required',
          minReadySeconds: 60,
          // First, with the configuration: the store-gateways' first index loads find their caches running.
          stage: DATABASE_STAGES.caches,
        }),
      ),
    );
  }
  return objects as CacheObjects;
}

/** Client settings per cache, as Grafana's Jsonnet tunes them for store-gateways and queriers. */
const CLIENT_TUNING: Record<CacheKey, Omit<NonNullable<CacheYaml['memcached']>, 'addresses' | 'max_item_size'>> = {
  chunks: { timeout: '750ms', max_idle_connections: 150, max_async_concurrency: 50, max_get_multi_concurrency: 100 },
  indexQueries: {
    timeout: '750ms',
    max_idle_connections: 150,
    max_async_concurrency: 50,
    max_get_multi_concurrency: 100,
  },
  metadata: { timeout: '750ms', max_idle_connections: 150, max_async_concurrency: 50, max_get_multi_concurrency: 100 },
  frontend: { timeout: '500ms' },
};

/**
 * Mimir's client block for a cache: the address of its Service and the same item size memcached was started
 * with. Undefined when the cache is disabled (Mimir then runs without it).
 */
export function cacheClient(context: BuildContext<MimirConfig>, cacheKey: CacheKey): CacheYaml | undefined {
  const settings: CacheConfig = context.config.caches[cacheKey];
  if (!settings.enabled) return undefined;
  return {
    backend: 'memcached',
    memcached: {
      addresses: memcachedAddress(CACHES[cacheKey].name, context.namespace, context.environment.settings),
      max_item_size: settings.maxItemSizeMb * 1024 * 1024,
      ...CLIENT_TUNING[cacheKey],
    },
  };
}
