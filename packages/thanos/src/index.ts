/**
 * @platform/thanos: Prometheus' long-term storage and global view. The sidecars (`thanosSidecar`, added to each
 * Prometheus by `@platform/prometheus`) ship 2h blocks to the environment's bucket; this component's store
 * gateway serves them and its compactor compacts, downsamples and expires them per resolution; a global Query
 * fans out to other environments' StoreAPIs. Query and Query Frontend builders are shared with Prometheus' own.
 */
import { defineComponent, type IConfigMap, type IPrometheusRule } from '@platform/core';
import { alertsPrometheusRule } from './alerts.js';
import { checkConfig } from './check.js';
import { compactor } from './compactor.js';
import { defaults, type ThanosConfig } from './config.js';
import { thanosDashboards } from './dashboards.js';
import { globalQuery } from './global-query.js';
import { thanosNetwork } from './network.js';
import { objstoreConfigMap } from './objstore.js';
import { storeGateway, storeGatewayApi } from './store-gateway.js';

export type { StoreApiRole, ThanosStoreApi } from './capability.js';
export type { RemoteStore, ThanosConfig, VolumeConfig } from './config.js';
export { defaults as thanosDefaults } from './config.js';
export { globalQueryUrl, globalStoreApis } from './global-query.js';
export { type GrafanaGlobalView, grafanaGlobalView } from './grafana-global-view.js';
export {
  OBJSTORE,
  PORT_NAMES,
  PORTS,
  REPLICA_LABELS,
  THANOS_IMAGE,
  THANOS_UID,
  thanosBucket,
  WORKLOAD,
} from './layout.js';
export { objstoreConfig, objstoreConfigMap } from './objstore.js';
export { endpointConfig, everyPod, type QueryEndpoint, type QueryOptions, queryUrl, thanosQuery } from './query.js';
export { type QueryFrontendOptions, queryFrontendUrl, thanosQueryFrontend } from './query-frontend.js';
export { SIDECAR_CONTAINER, type ThanosSidecar, thanosSidecar } from './sidecar.js';

/** Every object `@platform/thanos` renders, by name; all optional, by configuration. */
export type ThanosObjects = {
  objstore_configmap?: IConfigMap;
  alerts_prometheusrule?: IPrometheusRule;
} & Partial<ReturnType<typeof storeGateway>> &
  Partial<ReturnType<typeof compactor>> &
  Partial<ReturnType<typeof globalQuery>>;

/**
 * Thanos (tier `platform`, namespace `thanos`): store gateway and compactor on `<bucketPrefix>-thanos` (or the
 * store gateway alone on another environment's bucket), and with `globalQuery.enabled` the global view. Provides
 * `thanosStoreApi` (the store gateway) for Prometheus' Query, and a "Thanos" dashboard.
 *
 * ```ts
 * thanos({ compactor: { retention: { raw: '30d', fiveMinutes: '180d', oneHour: '2y' } } })
 * ```
 */
export const thanos = defineComponent<ThanosConfig, ThanosObjects>({
  name: 'thanos',
  tier: 'platform',
  defaults,
  check: checkConfig,
  provides: (context) => ({
    // Its metrics reach a store only through the ServiceMonitors.
    ...(context.environment.settings.serviceMonitors ? { dashboards: thanosDashboards(context) } : {}),
    ...(context.config.storeGateway.enabled ? { thanosStoreApi: storeGatewayApi(context) } : {}),
  }),
  network: thanosNetwork,
  build(context) {
    const { config } = context;
    const settings = context.environment.settings;
    const global = config.globalQuery.enabled;
    const bucket = config.storeGateway.enabled || config.compactor.enabled;
    return {
      ...(bucket
        ? { objstore_configmap: objstoreConfigMap(context, settings.objectStorage, config.storeGateway.bucket) }
        : {}),
      ...(config.storeGateway.enabled ? storeGateway(context) : {}),
      ...(config.compactor.enabled ? compactor(context) : {}),
      ...(global ? globalQuery(context) : {}),
      ...(settings.serviceMonitors ? { alerts_prometheusrule: alertsPrometheusRule(context, global) } : {}),
    };
  },
});
