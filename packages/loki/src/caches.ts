import { type BuildContext, type IStatefulSet, type NamedWorkloadObjects, namedWorkloadObjects } from '@platform/core';
import { DATABASE_STAGES, memcached } from '@platform/grafana-databases';
import type { CacheConfig, LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

/** The chunk and results caches' objects (`chunks_cache_statefulset` ...); a disabled cache renders none. */
export type CacheObjects = Partial<NamedWorkloadObjects<'chunks_cache' | 'results_cache', 'statefulset', IStatefulSet>>;

function cache(context: BuildContext<LokiConfig>, name: string, settings: CacheConfig) {
  const { image, exporterImage } = context.config.caches;
  return memcached(context, {
    ...settings,
    name,
    image,
    exporterImage,
    // As Loki's chart runs its caches: item size statistics for the exporter, modern defaults.
    extendedOptions: ['modern', 'track_sizes'],
    // First, with the configuration: the backend and read path find their caches running.
    stage: DATABASE_STAGES.caches,
  });
}

/** Every enabled memcached cache of Loki, each a StatefulSet with its exporter, headless Service, PDB and ServiceMonitor. */
export function cacheObjects(context: BuildContext<LokiConfig>): CacheObjects {
  const { chunks, results } = context.config.caches;
  return {
    ...(chunks.enabled
      ? namedWorkloadObjects('chunks_cache', 'statefulset', cache(context, SERVICE_NAMES.chunksCache, chunks))
      : {}),
    ...(results.enabled
      ? namedWorkloadObjects('results_cache', 'statefulset', cache(context, SERVICE_NAMES.resultsCache, results))
      : {}),
  };
}
