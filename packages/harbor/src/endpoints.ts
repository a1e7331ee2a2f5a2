import { type BuildContext, PlatformError, type PostgresEndpoint, type RedisEndpoint } from '@platform/core';
import type { HarborConfig } from './config.js';

/** Capabilities Harbor picks one provider of. */
type Picked = { postgres: PostgresEndpoint; redis: RedisEndpoint };

/**
 * The provider of `capability` Harbor uses: the one named in the configuration, or the only one. A missing
 * provider is a render error naming Harbor's need; several without a choice is one naming them.
 */
function pick<K extends keyof Picked>(
  { peers }: BuildContext<HarborConfig>,
  capability: K,
  wanted: string | undefined,
  why: string,
): Picked[K] {
  const all = peers.all(capability) as Picked[K][];
  if (wanted !== undefined) {
    const found = all.find((endpoint) => endpoint.component === wanted);
    if (found) return found;
    throw new PlatformError({
      path: `${capability === 'postgres' ? 'database' : 'redis'}.component`,
      message: `no component "${wanted}" provides "${capability}"; providers: ${all.map((e) => e.component).join(', ') || 'none'}`,
    });
  }
  if (all.length > 1) {
    throw new PlatformError({
      path: `${capability === 'postgres' ? 'database' : 'redis'}.component`,
      message: `several components provide "${capability}" (${all.map((e) => e.component).join(', ')}); name the one Harbor uses`,
    });
  }
  return peers.require(capability, why) as Picked[K];
}

/** Harbor's database and cache. */
export function harborEndpoints(context: BuildContext<HarborConfig>): {
  database: PostgresEndpoint;
  redis: RedisEndpoint;
} {
  return {
    database: pick(context, 'postgres', context.config.database.component, "Harbor's database"),
    redis: pick(context, 'redis', context.config.redis.component, "Harbor's cache and job queue"),
  };
}
