/**
 * @platform/mimir: Grafana Mimir in microservices mode, object for object like Grafana's own Jsonnet library
 * (`operations/mimir`), rendered natively: distributors, ingesters, queriers, query-frontends and -schedulers,
 * store-gateways, compactor, ruler, Alertmanager, four memcached caches, memberlist gossip, one generated
 * `mimir.yaml` on S3-compatible storage, dashboards and alerts.
 */
import {
  defineComponent,
  type IConfigMap,
  type IPrometheusRule,
  type IService,
  type IServiceAccount,
} from '@platform/core';
import { gossipRing } from '@platform/grafana-databases';
import { type AlertmanagerObjects, alertmanager } from './alertmanager.js';
import { alertsPrometheusRule } from './alerts.js';
import { type CacheObjects, cacheObjects } from './caches.js';
import { checkConfig } from './check.js';
import { type CompactorObjects, compactor } from './compactor.js';
import { defaults, type MimirConfig } from './config.js';
import { configConfigMap, mimirConfigDocument, renderMimirYaml } from './config-file.js';
import { mimirDashboards } from './dashboards.js';
import { type DistributorObjects, distributor } from './distributor.js';
import { metricsStore } from './endpoints.js';
import { type IngesterObjects, ingester } from './ingester.js';
import { mimirNetwork } from './network.js';
import { type MimirBuild, mimirDatabase } from './pods.js';
import { type QuerierObjects, querier } from './querier.js';
import { type QueryFrontendObjects, queryFrontend } from './query-frontend.js';
import { type QuerySchedulerObjects, queryScheduler } from './query-scheduler.js';
import { type RulerObjects, ruler } from './ruler.js';
import { runtimeConfigMap } from './runtime-config.js';
import { serviceAccount } from './service-account.js';
import { type StoreGatewayObjects, storeGateway } from './store-gateway.js';

export type { CacheConfig, MimirConfig, ScalableWorkloadConfig, VolumeConfig, WorkloadConfig } from './config.js';
export { defaults as mimirDefaults } from './config.js';
export { mimirBuckets } from './storage.js';

/** Every object `@platform/mimir` renders, by name. Optional ones depend on configuration and environment. */
export type MimirObjects = {
  mimir_serviceaccount: IServiceAccount;
  config_configmap: IConfigMap;
  runtime_configmap: IConfigMap;
  gossip_ring_service: IService;
  alerts_prometheusrule?: IPrometheusRule;
} & DistributorObjects &
  IngesterObjects &
  QuerierObjects &
  QueryFrontendObjects &
  QuerySchedulerObjects &
  StoreGatewayObjects &
  CompactorObjects &
  RulerObjects &
  AlertmanagerObjects &
  CacheObjects;

/**
 * Grafana Mimir. `mimir()` renders the full architecture with small defaults; size it per environment:
 * `mimir({ ingester: { replicas: 6 }, caches: { chunks: { memoryLimitMb: 6144 } } })`.
 */
export const mimir = defineComponent<MimirConfig, MimirObjects>({
  name: 'mimir',
  tier: 'platform',
  defaults,
  check: checkConfig,
  provides: (context) => ({ metricsStore: metricsStore(context), dashboards: mimirDashboards(context) }),
  network: mimirNetwork,
  build(context) {
    const ring = gossipRing(context.name, context.namespace, context.environment.settings);
    const yaml = renderMimirYaml(mimirConfigDocument(context, ring));
    const build: MimirBuild = { context, database: mimirDatabase(context, ring, yaml) };
    return {
      mimir_serviceaccount: serviceAccount(context),
      config_configmap: configConfigMap(context, yaml),
      runtime_configmap: runtimeConfigMap(context),
      gossip_ring_service: ring.service,
      ...distributor(build),
      ...ingester(build),
      ...querier(build),
      ...queryFrontend(build),
      ...queryScheduler(build),
      ...storeGateway(build),
      ...compactor(build),
      ...ruler(build),
      ...alertmanager(build),
      ...cacheObjects(context),
      ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alertsPrometheusRule(context) } : {}),
    };
  },
});
