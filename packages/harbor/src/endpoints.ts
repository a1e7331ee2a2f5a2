import type { BuildContext, PostgresEndpoint, RedisEndpoint } from '@platform/core';
import type { HarborConfig } from './config.js';

/** Harbor's database and cache: the providers named in the configuration, or the only ones. */
export function harborEndpoints({ config, peers }: BuildContext<HarborConfig>): {
  database: PostgresEndpoint;
  redis: RedisEndpoint;
} {
  return {
    database: peers.choose('postgres', {
      component: config.database.component,
      path: 'database.component',
      why: "Harbor's database",
    }),
    redis: peers.choose('redis', {
      component: config.redis.component,
      path: 'redis.component',
      why: "Harbor's cache and job queue",
    }),
  };
}
