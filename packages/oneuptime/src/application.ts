import { defineComponent } from '@platform/core';
import { CHART, RELEASE_NAME } from './chart.js';
import { checkApplicationConfig } from './check.js';
import { defaults } from './config.js';
import { oneuptimePostgres } from './database.js';
import { applicationWorkloads } from './first-sync.js';
import { oneuptimeNetwork, oneuptimeRoutes } from './network.js';
import { applicationSecrets } from './secrets.js';
import { applicationValues } from './values.js';

/**
 * The application part of OneUptime (tier `workloads`): every OneUptime service from the chart, release
 * `oneuptime`, after its database, its stores part (whose ClickHouse and Redis it uses) and its migrations part.
 */
export const oneuptimeApplication = defineComponent({
  name: 'oneuptime',
  tier: 'workloads',
  defaults,
  check: checkApplicationConfig,
  dependsOn: (context) => [
    oneuptimePostgres(context).component,
    context.config.parts.stores,
    context.config.parts.migrate,
  ],
  build: (context) => applicationSecrets(context),
  helm: (context) => ({
    ...CHART,
    releaseName: RELEASE_NAME,
    values: applicationValues(context),
    firstSync: applicationWorkloads(RELEASE_NAME, context.config),
  }),
  network: oneuptimeNetwork,
  routes: oneuptimeRoutes,
});
