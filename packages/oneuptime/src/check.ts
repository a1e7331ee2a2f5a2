import type { ConfigChecks } from '@platform/core';
import { type OneuptimeConfig, SERVICES } from './config.js';

const secretPath = (config: OneuptimeConfig, checks: ConfigChecks, field: keyof OneuptimeConfig['secrets']) =>
  checks.require(
    config.secrets[field].key.trim() !== '',
    `secrets.${field}.key`,
    'expected the path of the secret in the platform store, e.g. "platform/prod/oneuptime"',
  );

/** Checks of the stores part: ClickHouse, Redis and their passwords. */
export function checkStoresConfig(config: OneuptimeConfig, checks: ConfigChecks): void {
  secretPath(config, checks, 'clickhousePassword');
  secretPath(config, checks, 'redisPassword');
  checks.quantity('clickhouse.storageSize', config.clickhouse.storageSize);
  checks.resources('clickhouse.resources', config.clickhouse.resources);
  checks.resources('redis.resources', config.redis.resources);
}

/** Checks of the migrations part: the database and the secrets the migrations read. */
export function checkMigrateConfig(config: OneuptimeConfig, checks: ConfigChecks): void {
  checks.require(
    config.postgres.trim() !== '',
    'postgres',
    "name the component providing OneUptime's PostgreSQL database, e.g. a CloudNativePG postgresCluster() in OneUptime's namespace",
  );
  checks.dnsLabel('parts.stores', config.parts.stores);
}

/** Checks of the application part: database, secrets, services. */
export function checkApplicationConfig(config: OneuptimeConfig, checks: ConfigChecks): void {
  checks.require(
    config.postgres.trim() !== '',
    'postgres',
    "name the component providing OneUptime's PostgreSQL database, e.g. a CloudNativePG postgresCluster() in OneUptime's namespace",
  );
  for (const field of ['oneuptimeSecret', 'encryptionSecret', 'registerProbeKey'] as const)
    secretPath(config, checks, field);
  checks.dnsLabel('parts.stores', config.parts.stores);
  checks.dnsLabel('parts.migrate', config.parts.migrate);
  for (const service of SERVICES) {
    checks.integer(`${service}.replicas`, config[service].replicas, { min: 1 });
    checks.resources(`${service}.resources`, config[service].resources);
  }
  if (config.host !== undefined) checks.hostName('host', config.host);
}
