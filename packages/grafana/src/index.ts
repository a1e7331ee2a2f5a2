/**
 * @platform/grafana: Grafana wired to the environment. Datasources come from the stores the environment's
 * components provide (`metricsStore`, `logsStore`, `tracesStore`), linked to each other; dashboards come
 * from every component that provides `dashboards`; credentials come only from Secrets.
 */
import {
  defineComponent,
  type IConfigMap,
  type IDeployment,
  type IPersistentVolumeClaim,
  type IPodDisruptionBudget,
  type IService,
  type IServiceMonitor,
  namedWorkloadObjects,
} from '@platform/core';
import { checkConfig } from './check.js';
import { defaults, type GrafanaConfig } from './config.js';
import { dashboardObjects, dashboardProviders } from './dashboards.js';
import { grafanaDatabase } from './database.js';
import { datasources, datasourcesFile, resolveStores } from './datasources.js';
import { grafanaWorkload } from './deployment.js';
import { grafanaIni } from './grafana-ini.js';
import { grafanaNetwork } from './network.js';
import { grafanaRoutes } from './route.js';

export type { DatasourceCapability, GrafanaConfig, IniValue, SecretKeyRef } from './config.js';
export { defaults as grafanaDefaults, GRAFANA_IMAGE } from './config.js';
export { type Datasource, datasourceUid } from './datasources.js';

/**
 * The named objects a Grafana instance renders. Dashboard ConfigMaps are named
 * `dashboards_<component>_configmap` (`dashboards_<component>_<n>_configmap` when split).
 */
export type GrafanaObjects = {
  config_configmap: IConfigMap;
  datasources_configmap: IConfigMap;
  dashboard_providers_configmap: IConfigMap;
  grafana_deployment: IDeployment;
  grafana_service?: IService;
  grafana_pdb?: IPodDisruptionBudget;
  grafana_servicemonitor?: IServiceMonitor;
  grafana_pvc?: IPersistentVolumeClaim;
  alerting_service?: IService;
} & { [dashboards: `dashboards_${string}_configmap`]: IConfigMap };

/**
 * Grafana, served at `grafana.<baseDomain>` by the environment's edge. Usage: `grafana()`, or
 * `grafana({ require: ['metricsStore', 'logsStore'], database: { type: 'postgres', postgres: 'grafana-db' } })`.
 * Objects: see {@link GrafanaObjects}.
 */
export const grafana = defineComponent<GrafanaConfig, GrafanaObjects>({
  name: 'grafana',
  tier: 'platform',
  defaults,
  check: checkConfig,
  dependsOn: (context) => {
    const database = grafanaDatabase(context);
    return database.type !== 'sqlite3' && database.component ? [database.component] : [];
  },
  routes: grafanaRoutes,
  build(context) {
    const stores = resolveStores(context);
    const dashboards = dashboardObjects(context, dashboardProviders(context));
    const workload = grafanaWorkload(context, {
      ini: grafanaIni(context),
      datasources: datasourcesFile(datasources(stores, context.environment.settings.tenant)),
      dashboards,
    });
    return {
      ...workload.configMaps,
      ...namedWorkloadObjects('grafana', 'deployment', workload.objects),
      ...(workload.pvc ? { grafana_pvc: workload.pvc } : {}),
      ...(workload.alertingService ? { alerting_service: workload.alertingService } : {}),
    };
  },
  network: (context) => grafanaNetwork(context, resolveStores(context)),
});
