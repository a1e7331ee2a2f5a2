import {
  type BuildContext,
  type ComponentContext,
  ConfigChecks,
  type DeepPartial,
  type KubeObject,
  mergeConfig,
  type NetworkAccess,
  PlatformError,
  type PostgresEndpoint,
  stageAnnotations,
} from '@platform/core';
import { postgresAlerts } from './alerts.js';
import { objectStore, scheduledBackup } from './backup.js';
import { clusterObject } from './cluster.js';
import { basicAuthExternalSecret } from './credentials.js';
import { declarations } from './declarations.js';
import { postgresEndpoint } from './endpoint.js';
import { podMonitors } from './monitoring.js';
import { storedOwnerSecret } from './names.js';
import { poolerObject } from './pooler.js';
import { checkPostgres } from './postgres-check.js';
import { type PostgresConfig, postgresDefaults } from './postgres-config.js';
import { postgresNetwork } from './postgres-network.js';

/** What `postgres()` gives a component: the objects to render, the endpoint to publish, and the network rules. */
export interface PostgresParts {
  /** Named objects (`postgres_cluster`, `backups_objectstore` ...), keys prefixed when asked. */
  objects: Record<string, KubeObject>;
  /** The endpoint consumers read; publish it in `provides.postgres` so the operator's egress reaches the cluster. */
  endpoint: PostgresEndpoint;
  /** Ingress and egress of the cluster's pods; merge it into the component's `network`. */
  network: NetworkAccess;
  /** Components to come after: the operator, and the Barman Cloud plugin when backups are on. */
  dependsOn: string[];
}

/**
 * The components a cluster needs, present in the environment: the operator always, the plugin for backups or a
 * recovery. Missing ones are a render error naming them, instead of a sync that fails on unknown kinds.
 */
export function requiredComponents(cluster: string, config: PostgresConfig, context: BuildContext<unknown>): string[] {
  const needed = [{ name: config.operator, what: 'the CloudNativePG operator (cloudnativePg())', why: 'runs it' }];
  if (config.backup.enabled || config.recovery)
    needed.push({
      name: config.barmanPlugin,
      what: 'the Barman Cloud plugin (barmanCloud())',
      why: 'archives its WAL and takes its backups; or set backup.enabled: false',
    });
  const missing = needed.filter((component) => context.peers.namespaceOf(component.name) === undefined);
  if (missing.length > 0) {
    throw new PlatformError(
      missing.map((component) => ({
        message: `PostgreSQL cluster "${cluster}" needs component "${component.name}", ${component.what} of @platform/cloudnative-pg, which ${component.why}; the environment has none`,
      })),
    );
  }
  return needed.map((component) => component.name);
}

/**
 * The objects of a checked configuration: the owner's ExternalSecret (stage 0) before the Cluster (stage 1),
 * and what needs a running cluster after it (stage 2): scheduled backups, the pooler, databases and roles.
 * Argo CD knows when a Cluster is healthy (resource_customizations/postgresql.cnpg.io/Cluster/health.lua),
 * so stage 2 waits for the primary.
 */
export function postgresObjects(
  context: BuildContext<unknown>,
  config: PostgresConfig,
  cluster: string,
): Record<string, KubeObject> {
  const { namespace, name: component, environment, peers } = context;
  const later = (object: KubeObject): KubeObject => {
    object.metadata = { ...object.metadata, annotations: { ...object.metadata?.annotations, ...stageAnnotations(2) } };
    return object;
  };
  const objects: Record<string, KubeObject> = {};
  if (config.owner.password) {
    objects.owner_externalsecret = basicAuthExternalSecret(
      {
        name: storedOwnerSecret(cluster),
        namespace,
        component,
        username: config.owner.name,
        password: config.owner.password,
      },
      peers,
    );
  }
  const clusterResource = clusterObject(cluster, namespace, component, config, environment);
  clusterResource.metadata!.annotations = stageAnnotations(1);
  objects.postgres_cluster = clusterResource;
  if (config.backup.enabled || config.recovery) {
    objects.backups_objectstore = objectStore(cluster, namespace, component, config, environment);
  }
  if (config.backup.enabled) {
    objects.backups_scheduledbackup = later(scheduledBackup(cluster, namespace, component, config));
  }
  if (config.pooler.enabled)
    objects.pooler_pooler = later(poolerObject(cluster, namespace, component, config, environment));
  for (const [key, object] of Object.entries(declarations(cluster, namespace, component, config, peers))) {
    objects[key] = object.kind === 'ExternalSecret' ? object : later(object);
  }
  if (environment.settings.serviceMonitors) {
    Object.assign(objects, podMonitors(cluster, namespace, component, config.pooler.enabled));
    objects.alerts_prometheusrule = postgresAlerts(cluster, namespace, component, config);
  }
  return objects;
}

/**
 * A CloudNativePG cluster for any component: `postgres(ctx, { instances: 3, storage: { size: '20Gi' } })` in a
 * build returns the objects to render, the {@link PostgresEndpoint} its consumers read (credentials Secret and
 * keys exactly the ones the Cluster uses), the cluster's NetworkPolicy rules and the components to order after.
 * The cluster is named `name` (default the component's name) and lives in the component's namespace. The
 * configuration is merged over {@link postgresDefaults} and checked; mistakes are a render error with their paths.
 * Environments use the {@link postgresCluster} component instead, which publishes the endpoint as `postgres`.
 */
export function postgres(
  context: BuildContext<unknown>,
  config: DeepPartial<PostgresConfig> = {},
  options: { name?: string; keyPrefix?: string } = {},
): PostgresParts {
  const cluster = options.name ?? context.name;
  const merged = mergeConfig<PostgresConfig>(postgresDefaults, config);
  const checks = new ConfigChecks();
  checkPostgres(merged, checks, cluster);
  checks.done();
  const dependsOn = requiredComponents(cluster, merged, context);
  const prefix = options.keyPrefix ? `${options.keyPrefix}_` : '';
  const objects = Object.fromEntries(
    Object.entries(postgresObjects(context, merged, cluster)).map(([key, object]) => [`${prefix}${key}`, object]),
  );
  const endpoint = postgresEndpoint(
    { cluster, component: context.name, namespace: context.namespace, settings: context.environment.settings },
    merged,
  );
  return { objects, endpoint, network: postgresNetwork(cluster, merged), dependsOn };
}

/**
 * The endpoint of a cluster that a component renders with {@link postgres}, for its `provides` (which sees no
 * peers): `provides: (ctx) => ({ postgres: postgresProvided(ctx, config, { name: 'harbor-db' }) })`. Publishing it
 * is what lets the operator's NetworkPolicy reach the cluster's instances.
 */
export function postgresProvided(
  context: ComponentContext<unknown>,
  config: DeepPartial<PostgresConfig> = {},
  options: { name?: string } = {},
): PostgresEndpoint {
  const merged = mergeConfig<PostgresConfig>(postgresDefaults, config);
  return postgresEndpoint(
    {
      cluster: options.name ?? context.name,
      component: context.name,
      namespace: context.namespace,
      settings: context.environment.settings,
    },
    merged,
  );
}
