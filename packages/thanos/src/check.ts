import { type ConfigChecks, parseDuration } from '@platform/core';
import type { ThanosConfig } from './config.js';

/** A byte size as Thanos' flags parse it (`alecthomas/units`): `250MB`, `1GiB`. */
const BYTES = /^\d+(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/;
/** The ages after which the compactor downsamples to 5m and to 1h (`docs/components/compact.md:166-167`). */
const FIVE_MINUTE_AFTER_S = 40 * 3600;
const ONE_HOUR_AFTER_S = 10 * 24 * 3600;

const seconds = (value: string) => parseDuration(value, 'prometheus');

/** What types cannot say: sizes, durations, and retentions long enough for downsampling to happen. */
export function checkConfig(config: ThanosConfig, checks: ConfigChecks): void {
  const { storeGateway, compactor, globalQuery } = config;
  checks.integer('storeGateway.replicas', storeGateway.replicas, { min: 1 });
  checks.resources('storeGateway.resources', storeGateway.resources);
  checks.quantity('storeGateway.storage.size', storeGateway.storage.size);
  checks.require(
    BYTES.test(storeGateway.indexCacheSize),
    'storeGateway.indexCacheSize',
    `expected a size such as "250MB", got ${JSON.stringify(storeGateway.indexCacheSize)}`,
  );
  checks.resources('compactor.resources', compactor.resources);
  checks.quantity('compactor.storage.size', compactor.storage.size);
  const retention = compactor.retention;
  for (const key of ['raw', 'fiveMinutes', 'oneHour'] as const)
    checks.duration(`compactor.retention.${key}`, retention[key], 'prometheus');
  const raw = seconds(retention.raw);
  const five = seconds(retention.fiveMinutes);
  if (compactor.downsampling && raw !== undefined && raw > 0)
    checks.require(
      raw > FIVE_MINUTE_AFTER_S,
      'compactor.retention.raw',
      `raw data is downsampled to 5m after 40h; a retention of ${retention.raw} deletes it first (keep it above 40h, or "0s" for ever)`,
    );
  if (compactor.downsampling && five !== undefined && five > 0)
    checks.require(
      five > ONE_HOUR_AFTER_S,
      'compactor.retention.fiveMinutes',
      `5m data is downsampled to 1h after 10d; a retention of ${retention.fiveMinutes} deletes it first (keep it above 10d, or "0s" for ever)`,
    );
  checks.require(
    !(storeGateway.bucket !== undefined && compactor.enabled),
    'compactor.enabled',
    `the store gateway serves another environment's bucket ${JSON.stringify(storeGateway.bucket)}, whose compactor runs there (two compactors on one bucket corrupt it): set compactor.enabled to false`,
  );
  if (storeGateway.bucket !== undefined)
    checks.require(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(storeGateway.bucket),
      'storeGateway.bucket',
      `expected an S3 bucket name, got ${JSON.stringify(storeGateway.bucket)}`,
    );
  checks.require(
    globalQuery.enabled || globalQuery.remoteStores.length === 0,
    'globalQuery.remoteStores',
    'remote stores are read by the global Query only: set globalQuery.enabled',
  );
  checks.integer('globalQuery.replicas', globalQuery.replicas, { min: 1 });
  checks.resources('globalQuery.resources', globalQuery.resources);
  checks.require(
    BYTES.test(globalQuery.cacheSize),
    'globalQuery.cacheSize',
    `expected a size such as "256MB", got ${JSON.stringify(globalQuery.cacheSize)}`,
  );
  checks.duration('globalQuery.splitInterval', globalQuery.splitInterval, 'prometheus');
  globalQuery.remoteStores.forEach((store, i) => {
    checks.dnsLabel(`globalQuery.remoteStores[${i}].name`, store.name);
    checks.require(
      /^[a-z0-9.-]+:\d+$/.test(store.address),
      `globalQuery.remoteStores[${i}].address`,
      `expected host:port of a StoreAPI, got ${JSON.stringify(store.address)}`,
    );
  });
}
