import type { IEnvVar, RedisEndpoint } from '@platform/core';
import { REDIS_DATABASES } from './chart.js';

/** The variable each container gets the Redis password in, for `$(...)` references in the URLs below. */
const PASSWORD_VAR = 'HARBOR_REDIS_PASSWORD';

/** `redis[+sentinel]://[:password@]addr[/master]/db?...`, the URL form of the chart's helpers (_helpers.tpl:237-268); TLS is refused earlier (endpoint-checks.ts). */
function redisUrl(redis: RedisEndpoint, database: number, idleTimeout: boolean): string {
  const scheme = redis.mode === 'sentinel' ? 'redis+sentinel' : 'redis';
  const credentials = redis.password ? `:$(${PASSWORD_VAR})@` : '';
  const master = redis.mode === 'sentinel' ? `/${redis.sentinelMaster}` : '';
  return `${scheme}://${credentials}${redis.address}${master}/${database}${idleTimeout ? '?idle_timeout_seconds=30' : ''}`;
}

/** The chart's `redis.external` values: address and Sentinel master; the password goes in by environment. */
export function redisValues(redis: RedisEndpoint) {
  return {
    type: 'external' as const,
    external: {
      addr: redis.address,
      ...(redis.mode === 'sentinel' ? { sentinelMasterSet: redis.sentinelMaster ?? '' } : {}),
    },
  };
}

/**
 * With a password, the chart cannot render Harbor's Redis URLs: it reads the password with `lookup`
 * (_helpers.tpl:189-232), which Argo CD does not run, and bakes it into ConfigMaps. These variables override the
 * ConfigMap values (a container's `env` wins over its `envFrom`), composing each URL from the password Secret
 * with Kubernetes' `$(VAR)` expansion: core reads `_REDIS_URL_CORE` and `_REDIS_URL_REG` (harbor v2.15.1
 * src/core/main.go:148, src/lib/redis/client.go:42), the job service `JOB_SERVICE_POOL_REDIS_URL`
 * (src/jobservice/config/config.go:40, read in loadEnvs :274) and `_REDIS_URL_CORE`, the exporter
 * `HARBOR_REDIS_URL` (viper prefix `harbor`, src/cmd/exporter/main.go:39-41), the registry `REGISTRY_REDIS_PASSWORD`
 * (the variable the chart itself uses, registry-secret.yaml:15). Without a password, none are needed.
 */
export function redisEnv(redis: RedisEndpoint): {
  core: IEnvVar[];
  jobservice: IEnvVar[];
  registry: IEnvVar[];
  exporter: IEnvVar[];
} {
  if (!redis.password) return { core: [], jobservice: [], registry: [], exporter: [] };
  const secretKeyRef = { name: redis.password.name, key: redis.password.key };
  const password: IEnvVar = { name: PASSWORD_VAR, valueFrom: { secretKeyRef } };
  const url = (name: string, database: number, idle = true): IEnvVar => ({
    name,
    value: redisUrl(redis, database, idle),
  });
  return {
    core: [password, url('_REDIS_URL_CORE', REDIS_DATABASES.core), url('_REDIS_URL_REG', REDIS_DATABASES.registry)],
    jobservice: [
      password,
      url('JOB_SERVICE_POOL_REDIS_URL', REDIS_DATABASES.jobservice, false),
      url('_REDIS_URL_CORE', REDIS_DATABASES.core),
    ],
    registry: [{ name: 'REGISTRY_REDIS_PASSWORD', valueFrom: { secretKeyRef } }],
    exporter: [password, url('HARBOR_REDIS_URL', REDIS_DATABASES.jobservice, false)],
  };
}
