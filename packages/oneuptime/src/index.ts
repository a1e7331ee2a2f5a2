/**
 * @platform/oneuptime: OneUptime from its upstream chart, on the environment's PostgreSQL (CloudNativePG), with
 * every secret from the platform store, brought up gently: its stores (ClickHouse, Redis) and its services are
 * two ordered Applications, and `pnpm plan` / `pnpm check` count and judge the pods of each.
 */
import type { DeepPartial } from '@platform/core';
import { oneuptimeApplication } from './application.js';
import { defaults, type OneuptimeConfig } from './config.js';
import { oneuptimeMigrate } from './migrate.js';
import { oneuptimeStores } from './stores.js';

export { oneuptimeApplication } from './application.js';
export {
  APP_VERSION,
  CHART,
  CLICKHOUSE_IMAGE,
  PORTS,
  REDIS_IMAGE,
  RELEASE_NAME,
  STORES_RELEASE_NAME,
} from './chart.js';
export type {
  OneuptimeConfig,
  OneuptimeSecretsConfig,
  OptionalServiceConfig,
  RemoteValue,
  ResourceRequirements,
  ServiceConfig,
} from './config.js';
export { defaults } from './config.js';
export { applicationWorkloads, migrateWorkloads, storesWorkloads } from './first-sync.js';
export { oneuptimeMigrate } from './migrate.js';
export { SECRETS } from './secrets.js';
export { oneuptimeStores } from './stores.js';
export type { OneuptimeMigrateValues, OneuptimeStoresValues, OneuptimeValues } from './values.js';

/** Where {@link oneuptime} puts its parts. */
export interface OneuptimePlacement {
  /** Namespace of both parts (and of the database, whose credentials Secret the services read). Default `oneuptime`. */
  namespace?: string;
  /**
   * Whether the stores part (the first to sync) renders the Namespace, at Pod Security baseline (see
   * `oneuptimeStores`). Default true. The database then joins it: `.inNamespace('oneuptime', { create: false })`,
   * in the workloads tier after the stores (`.inTier('workloads').after('oneuptime-stores')`).
   */
  createNamespace?: boolean;
}

/**
 * OneUptime's three parts, in sync order, in one namespace, each its own Application: the stores
 * (`oneuptime-stores`: ClickHouse, Redis), the migrations (`oneuptime-migrate`) and the application
 * (`oneuptime`: every service), all configured by the same configuration. Needs `postgres` (the component `postgres` names,
 * in the same namespace) and `secretStore`.
 *
 * ```ts
 * components: [...oneuptime({ postgres: 'oneuptime-db', secrets: { ... } }), ...]
 * ```
 */
export function oneuptime(
  config: DeepPartial<OneuptimeConfig>,
  { namespace = 'oneuptime', createNamespace = true }: OneuptimePlacement = {},
): [ReturnType<typeof oneuptimeStores>, ReturnType<typeof oneuptimeMigrate>, ReturnType<typeof oneuptimeApplication>] {
  const wired = { ...config, parts: defaults.parts };
  return [
    oneuptimeStores(wired).inNamespace(namespace, { create: createNamespace }),
    oneuptimeMigrate(wired).inNamespace(namespace, { create: false }),
    oneuptimeApplication(wired).inNamespace(namespace, { create: false }),
  ];
}
