import type { ConfigChecks } from '@platform/core';

/**
 * One memcached cache in a database's configuration, the same fields in Mimir and Loki (each library documents
 * its defaults on its `caches` field). The names are memcached's flags: `-m`, `-I`, `-c`.
 */
export interface CacheConfig {
  /** Render the cache and point the database at it. */
  enabled: boolean;
  /** Number of memcached pods. */
  replicas: number;
  /** Memory memcached may use for items, in MiB (`-m`); the container requests ~1.05x plus 100 MiB and is limited to 1.5x. */
  memoryLimitMb: number;
  /** Largest item memcached stores, in MiB (`-I`). */
  maxItemSizeMb: number;
  /** Maximum simultaneous client connections (`-c`). */
  connectionLimit: number;
  /** CPU request of the memcached container. */
  cpuRequest: string;
  /** CPU limit of the memcached container. Default none. */
  cpuLimit?: string;
}

/** Semantic checks of an enabled cache at `path` (e.g. `caches.chunks`): counts, sizes memcached starts with, CPU. */
export function checkCacheConfig(checks: ConfigChecks, path: string, cache: CacheConfig): void {
  if (!cache.enabled) return;
  checks.integer(`${path}.replicas`, cache.replicas, { min: 1 });
  checks.integer(`${path}.memoryLimitMb`, cache.memoryLimitMb, { min: 64 });
  checks.integer(`${path}.maxItemSizeMb`, cache.maxItemSizeMb, { min: 1, max: 1024 });
  checks.integer(`${path}.connectionLimit`, cache.connectionLimit, { min: 1 });
  checks.quantity(`${path}.cpuRequest`, cache.cpuRequest);
  checks.quantity(`${path}.cpuLimit`, cache.cpuLimit);
  // memcached refuses to start otherwise: "Cannot set item size limit higher than 1/2 of memory max."
  if (Number.isInteger(cache.memoryLimitMb) && Number.isInteger(cache.maxItemSizeMb)) {
    checks.require(
      cache.maxItemSizeMb * 2 <= cache.memoryLimitMb,
      `${path}.maxItemSizeMb`,
      `memcached refuses items larger than half its memory: ${cache.maxItemSizeMb} MiB items need memoryLimitMb of at least ${cache.maxItemSizeMb * 2}, got ${cache.memoryLimitMb}`,
    );
  }
}
