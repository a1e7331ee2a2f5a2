/**
 * @platform/cloudnative-pg: PostgreSQL on Kubernetes with CloudNativePG. The operator and the Barman Cloud plugin
 * from their pinned upstream charts; `postgresCluster()` for a cluster as a component of its own, publishing the
 * `postgres` endpoint its consumers read; `postgres()` for a cluster inside any component's build.
 */
import { type DeepPartial, defineComponent, type IPodDisruptionBudget } from '@platform/core';
import { CHART, OPERATOR_NAMESPACE, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { type CloudnativePgConfig, defaults } from './config.js';
import { networkAccess } from './network.js';
import { operatorPdb } from './operator-pdb.js';
import { PLUGIN_CHART, PLUGIN_POD_LABELS, PLUGIN_RELEASE_NAME } from './plugin-chart.js';
import { barmanCloudDefaults, checkBarmanCloud } from './plugin-config.js';
import { pluginValues } from './plugin-values.js';
import { postgresClusterComponent } from './postgres-component.js';
import type { PostgresConfig } from './postgres-config.js';
import { syncSettings } from './sync.js';
import { chartValues } from './values.js';

export { CHART, OPERATOR_NAMESPACE, OPERATOR_POD_LABELS, OPERATOR_VERSION, RELEASE_NAME } from './chart.js';
export type { CloudnativePgConfig, ResourceRequirements } from './config.js';
export { defaults } from './config.js';
export type { ClusterPlacement } from './endpoint.js';
export { postgresEndpoint } from './endpoint.js';
export type { ICluster, IDatabase, IDatabaseRole, IObjectStore, IPooler, IScheduledBackup } from './kinds.js';
export { POSTGRES_KINDS } from './kinds.js';
export * from './names.js';
export { PLUGIN_CHART, PLUGIN_NAME, PLUGIN_VERSION } from './plugin-chart.js';
export type { BarmanCloudConfig } from './plugin-config.js';
export { barmanCloudDefaults } from './plugin-config.js';
export type { SingleInstanceRuleOptions } from './policy.js';
export { singleInstancePostgresRule, singleInstanceRule } from './policy.js';
export type { PostgresParts } from './postgres.js';
export { postgres, postgresProvided } from './postgres.js';
export type { DatabaseDeclaration, PostgresConfig, RoleDeclaration, StoredPassword } from './postgres-config.js';
export { PGBOUNCER_IMAGE, POSTGRES_IMAGE, postgresDefaults } from './postgres-config.js';

const operatorComponent = defineComponent({
  name: 'cloudnative-pg',
  tier: 'operators',
  defaults,
  check: checkConfig,
  build: (context): { operator_pdb?: IPodDisruptionBudget } => {
    const pdb = operatorPdb(context);
    return pdb ? { operator_pdb: pdb } : {};
  },
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  network: networkAccess,
  sync: syncSettings,
});

/**
 * The CloudNativePG operator (tier `operators`, namespace `cnpg-system`), watching every namespace, with its CRDs.
 *
 * ```ts
 * cloudnativePg({ replicas: 2 })
 * ```
 */
export function cloudnativePg(config?: DeepPartial<CloudnativePgConfig>): ReturnType<typeof operatorComponent> {
  return operatorComponent(config).inNamespace(OPERATOR_NAMESPACE);
}

const barmanCloudComponent = defineComponent({
  name: 'cnpg-barman-cloud',
  tier: 'operators',
  defaults: barmanCloudDefaults,
  check: checkBarmanCloud,
  dependsOn: ({ config }) => [config.operator, config.certManager],
  build: () => ({}),
  helm: (context) => ({ ...PLUGIN_CHART, releaseName: PLUGIN_RELEASE_NAME, values: pluginValues(context) }),
  network: () => ({ egress: [{ name: 'plugin-api-server', to: 'apiServer', podLabels: { ...PLUGIN_POD_LABELS } }] }),
  sync: () => ({ serverSideApply: true }),
});

/**
 * The Barman Cloud plugin (tier `operators`), in the operator's namespace as the plugin requires, after the
 * operator and cert-manager (which issues the certificates the two authenticate each other with). Needed by
 * every cluster with backups or a recovery.
 */
export function barmanCloud(config?: DeepPartial<typeof barmanCloudDefaults>): ReturnType<typeof barmanCloudComponent> {
  return barmanCloudComponent(config).inNamespace(OPERATOR_NAMESPACE, { create: false });
}

/**
 * A PostgreSQL cluster as a component (tier `platform`, after the operator and, with backups, the plugin),
 * named like the component: `postgresCluster({ ... }).named('grafana-db')`. Provides `postgres` (host, database,
 * owner, the credentials Secret and keys the Cluster uses, the CA) and a dashboard. Its Secrets live in its
 * namespace, so a consumer runs there: deploy the cluster into the consumer's namespace
 * (`.inNamespace('grafana')`, the cluster creating it) and the consumer with `.inNamespace('grafana', { create: false })`.
 */
export function postgresCluster(config?: DeepPartial<PostgresConfig>): ReturnType<typeof postgresClusterComponent> {
  return postgresClusterComponent(config);
}
