import { defineComponent } from '@platform/core';
import { postgresDashboards } from './dashboards.js';
import { postgresEndpoint } from './endpoint.js';
import { POSTGRES_KINDS } from './kinds.js';
import { singleInstancePostgresRule } from './policy.js';
import { postgresObjects, requiredComponents } from './postgres.js';
import { checkPostgres } from './postgres-check.js';
import { postgresDefaults } from './postgres-config.js';
import { postgresNetwork } from './postgres-network.js';

/**
 * The definition behind `postgresCluster()`: one CloudNativePG cluster named like the component instance, with
 * the `postgres` endpoint and its dashboard published for the environment.
 */
export const postgresClusterComponent = defineComponent({
  name: 'postgres',
  tier: 'platform',
  defaults: postgresDefaults,
  check: (config, checks, context) => checkPostgres(config, checks, context.name),
  dependsOn: ({ config }) => [
    config.operator,
    ...(config.backup.enabled || config.recovery ? [config.barmanPlugin] : []),
  ],
  provides: ({ name, namespace, config, environment }) => ({
    postgres: postgresEndpoint({ cluster: name, component: name, namespace, settings: environment.settings }, config),
    dashboards: postgresDashboards(name, namespace, name),
  }),
  build: (context) => {
    requiredComponents(context.name, context.config, context);
    return postgresObjects(context, context.config, context.name);
  },
  network: ({ name, config }) => postgresNetwork(name, config),
  kinds: POSTGRES_KINDS,
  rules: [singleInstancePostgresRule],
});
