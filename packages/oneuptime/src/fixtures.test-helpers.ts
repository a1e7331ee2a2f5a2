import { postgresCluster } from '@platform/cloudnative-pg';
import type { AnyComponent } from '@platform/core';
import { supportingComponents } from '../../cloudnative-pg/src/fixtures.test-helpers.js';
import { oneuptime } from './index.js';

const stored = (property: string) => ({ key: 'platform/test/oneuptime', property });

/** Secrets of a test OneUptime, in the store at `platform/test/oneuptime`. */
export const SECRETS_CONFIG = {
  oneuptimeSecret: stored('oneuptime-secret'),
  encryptionSecret: stored('encryption-secret'),
  registerProbeKey: stored('register-probe-key'),
  clickhousePassword: stored('clickhouse-password'),
  redisPassword: stored('redis-password'),
};

/** OneUptime on its CloudNativePG database, with what the database needs around it. */
export function oneuptimeEnvironment(config: Parameters<typeof oneuptime>[0] = {}): AnyComponent[] {
  return [
    ...supportingComponents(),
    postgresCluster({
      database: 'oneuptime',
      owner: { name: 'oneuptime', password: { key: 'platform/test/oneuptime-db', property: 'password' } },
      instances: 1,
      clients: ['oneuptime', 'oneuptime-migrate'],
    })
      .named('oneuptime-db')
      .inNamespace('oneuptime', { create: false })
      .inTier('workloads')
      .after('oneuptime-stores'),
    ...oneuptime({ postgres: 'oneuptime-db', secrets: SECRETS_CONFIG, ...config }),
  ];
}
