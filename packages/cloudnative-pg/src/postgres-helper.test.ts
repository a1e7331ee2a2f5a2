import { defineComponent } from '@platform/core';
import { renderError, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { supportingComponents } from './fixtures.test-helpers.js';
import { POSTGRES_KINDS, postgres, postgresProvided } from './index.js';

/** A component that owns its database, the way a chart component (Harbor) may: postgres() inside its build. */
const app = defineComponent({
  name: 'app',
  tier: 'platform',
  defaults: { instances: 2 },
  dependsOn: (context) => postgres(context, { instances: context.config.instances }, { name: 'app-db' }).dependsOn,
  provides: (context) => ({ postgres: postgresProvided(context, {}, { name: 'app-db' }) }),
  build: (context) =>
    postgres(context, { instances: context.config.instances }, { name: 'app-db', keyPrefix: 'db' }).objects,
  network: (context) => postgres(context, {}, { name: 'app-db' }).network,
  kinds: POSTGRES_KINDS,
});

describe('postgres() inside another component', () => {
  it('renders the cluster in the component namespace under prefixed keys, ordered after the operator and plugin', async () => {
    const { objects, rendered } = await renderForTest([...supportingComponents(), app()]);
    const keys = Object.keys(objects('app'));
    expect(keys).toEqual(
      expect.arrayContaining(['db_postgres_cluster', 'db_backups_objectstore', 'db_instances_podmonitor']),
    );
    expect(objects('app').db_postgres_cluster!.metadata).toMatchObject({ name: 'app-db', namespace: 'app' });
    expect(rendered.components.find((c) => c.name === 'app')!.dependsOn.sort()).toEqual([
      'cloudnative-pg',
      'cnpg-barman-cloud',
    ]);
    // Published, the endpoint opens the operator's way to the instances.
    expect(objects('cloudnative-pg').networkpolicy_allow_to_app_instances).toBeDefined();
  });

  it('reports its configuration mistakes with their paths', async () => {
    const broken = defineComponent({
      name: 'app',
      tier: 'platform',
      defaults: {},
      build: (context) => postgres(context, { storage: { size: 'lots' }, instancs: 2 } as never).objects,
      kinds: POSTGRES_KINDS,
    });
    expect(await renderError([...supportingComponents(), broken()])).toBe(
      'test › app › instancs: unknown field (did you mean "instances"?); known fields: alerts, availability, backup, barmanPlugin, clientTls, clients, database, databases, imageName, instances, operator, owner, parameters, pooler, recovery, resources, roles, storage, walStorage',
    );
  });
});
