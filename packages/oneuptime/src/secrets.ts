import type { BuildContext } from '@platform/core';
import { externalSecret, type IExternalSecret } from '@platform/external-secrets';
import { RELEASE_NAME } from './chart.js';
import type { OneuptimeConfig } from './config.js';

/** Secrets the chart reads by name (`externalSecrets.*.existingSecret`, `clickhouse.auth`, `redis.auth`), and their keys. */
export const SECRETS = {
  platform: {
    name: `${RELEASE_NAME}-platform-secrets`,
    keys: {
      oneuptimeSecret: 'oneuptime-secret',
      encryptionSecret: 'encryption-secret',
      registerProbeKey: 'register-probe-key',
    },
  },
  clickhouse: { name: `${RELEASE_NAME}-clickhouse-auth`, key: 'password' },
  redis: { name: `${RELEASE_NAME}-redis-auth`, key: 'password' },
} as const;

/**
 * The ExternalSecret behind OneUptime's own secrets (application part). With it named in the values, the chart
 * generates none of these keys (its `secrets.yaml` skips a key served by `externalSecrets`), so no random value is
 * re-rendered on every sync.
 */
export function applicationSecrets(context: BuildContext<OneuptimeConfig>): Record<string, IExternalSecret> {
  const { config, namespace, name, peers } = context;
  const store = peers.require('secretStore', "OneUptime's secrets").storeRef;
  const { secrets } = config;
  const platform = SECRETS.platform.keys;
  return {
    platform_secrets_externalsecret: externalSecret({
      name: SECRETS.platform.name,
      namespace,
      component: name,
      store,
      data: {
        [platform.oneuptimeSecret]: secrets.oneuptimeSecret,
        [platform.encryptionSecret]: secrets.encryptionSecret,
        [platform.registerProbeKey]: secrets.registerProbeKey,
      },
    }),
  };
}

/**
 * The ExternalSecrets of the stores' passwords (stores part): the chart's ClickHouse and Redis read them
 * (`clickhouse.auth.existingSecret`, `redis.auth.existingSecret`, so the chart renders no Secret of its own for
 * them), and so do the services of the application part, in the same namespace.
 */
export function storeSecrets(context: BuildContext<OneuptimeConfig>): Record<string, IExternalSecret> {
  const { config, namespace, name, peers } = context;
  const store = peers.require('secretStore', "the passwords of OneUptime's ClickHouse and Redis").storeRef;
  const { secrets } = config;
  return {
    clickhouse_auth_externalsecret: externalSecret({
      name: SECRETS.clickhouse.name,
      namespace,
      component: name,
      store,
      data: { [SECRETS.clickhouse.key]: secrets.clickhousePassword },
    }),
    redis_auth_externalsecret: externalSecret({
      name: SECRETS.redis.name,
      namespace,
      component: name,
      store,
      data: { [SECRETS.redis.key]: secrets.redisPassword },
    }),
  };
}
