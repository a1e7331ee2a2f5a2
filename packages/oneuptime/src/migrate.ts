import { defineComponent } from '@platform/core';
import { CHART } from './chart.js';
import { checkMigrateConfig } from './check.js';
import { defaults } from './config.js';
import { oneuptimePostgres } from './database.js';
import { migrateWorkloads } from './first-sync.js';
import { migrateNetwork } from './network.js';
import { migrateValues } from './values.js';

/**
 * The migrations part of OneUptime (tier `workloads`): the chart installed as release `<component name>`
 * (default `oneuptime-migrate`) with only its migration Job, after the database and the stores. Argo CD waits
 * for the Job to complete (a Job is Healthy once it succeeded) before the step of the application part starts.
 * It renders the Job's egress policy to the database.
 */
export const oneuptimeMigrate = defineComponent({
  name: 'oneuptime-migrate',
  tier: 'workloads',
  defaults,
  check: checkMigrateConfig,
  dependsOn: (context) => [oneuptimePostgres(context).component, context.config.parts.stores],
  // No object of its own besides its egress policy: the Job is the chart's, its Secrets the other parts'.
  build: () => ({}),
  network: migrateNetwork,
  helm: (context) => ({
    ...CHART,
    releaseName: context.name,
    values: migrateValues(context),
    firstSync: migrateWorkloads(context.name),
  }),
});
