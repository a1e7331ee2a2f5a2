/**
 * @platform/loki: Grafana Loki 3 (multi-tenant log store on S3-compatible object storage), rendered natively in
 * simple-scalable or microservices mode, with memcached caches, memberlist rings, alerts and a dashboard.
 */
import { defineComponent, type IConfigMap, type IPrometheusRule, type IService, serialize } from '@platform/core';
import { gossipRing } from '@platform/grafana-databases';
import { alertsPrometheusRule } from './alerts.js';
import { type BackendObjects, backend } from './backend.js';
import { type CacheObjects, cacheObjects } from './caches.js';
import { checkConfig } from './check.js';
import { type CompactorObjects, compactor } from './compactor.js';
import { defaults, type LokiConfig } from './config.js';
import { lokiConfigFile, runtimeConfigFile } from './config-file.js';
import { configConfigMap, runtimeConfigMap } from './config-maps.js';
import { lokiDashboards } from './dashboards.js';
import { type DistributorObjects, distributor } from './distributor.js';
import { logsStore, lokiAddresses } from './endpoints.js';
import { type IndexGatewayObjects, indexGateway } from './index-gateway.js';
import { type IngesterObjects, ingester } from './ingester.js';
import { alertmanagerOf, lokiNetwork } from './network.js';
import { lokiDatabase } from './pod.js';
import { type QuerierObjects, querier } from './querier.js';
import { type QueryFrontendObjects, queryFrontend } from './query-frontend.js';
import { type QuerySchedulerObjects, queryScheduler } from './query-scheduler.js';
import { type ReadObjects, read } from './read.js';
import { type RulerObjects, ruler } from './ruler.js';
import { type WriteObjects, write } from './write.js';

export { alertRules } from './alerts.js';
export * from './config.js';
export { bucketName, type LokiConfigFile, lokiConfigFile, runtimeConfigFile } from './config-file.js';
export { overviewDashboard } from './dashboards.js';
export { GRPC_PORT, HTTP_PORT, logsStore, lokiAddresses, SERVICE_NAMES } from './endpoints.js';

/** Every object Loki can render, by name; which ones exist depends on the mode and the caches. */
export type LokiObjects = {
  config_configmap: IConfigMap;
  runtime_configmap: IConfigMap;
  gossip_ring_service: IService;
  alerts_prometheusrule?: IPrometheusRule;
} & Partial<ReadObjects & WriteObjects & BackendObjects> &
  Partial<
    DistributorObjects &
      IngesterObjects &
      QuerierObjects &
      QueryFrontendObjects &
      QuerySchedulerObjects &
      IndexGatewayObjects &
      CompactorObjects &
      RulerObjects
  > &
  CacheObjects;

/** Grafana Loki. `loki()` renders simple-scalable mode; `loki({ mode: 'microservices' })` one workload per component. */
export const loki = defineComponent<LokiConfig, LokiObjects>({
  name: 'loki',
  tier: 'platform',
  defaults,
  check: checkConfig,
  provides: (context) => ({
    logsStore: logsStore(context),
    ...(context.environment.settings.serviceMonitors
      ? { dashboards: lokiDashboards(context.name, context.namespace) }
      : {}),
  }),
  network: lokiNetwork,
  build(context) {
    const { config } = context;
    const ring = gossipRing(context.name, context.namespace, context.environment.settings);
    const configYaml = serialize(
      lokiConfigFile(context, {
        addresses: lokiAddresses(context),
        gossipJoinAddress: ring.joinAddress,
        alertmanagerUrl: alertmanagerOf(context)?.url,
      }),
    );
    const database = lokiDatabase(context, ring, configYaml);
    const workloads =
      config.mode === 'simple-scalable'
        ? { ...read(context, database), ...write(context, database), ...backend(context, database) }
        : {
            ...distributor(context, database),
            ...ingester(context, database),
            ...querier(context, database),
            ...queryFrontend(context, database),
            ...queryScheduler(context, database),
            ...indexGateway(context, database),
            ...compactor(context, database),
            ...(config.ruler.enabled ? ruler(context, database) : {}),
          };
    return {
      config_configmap: configConfigMap(context, configYaml),
      runtime_configmap: runtimeConfigMap(context, serialize(runtimeConfigFile(config))),
      gossip_ring_service: ring.service,
      ...workloads,
      ...cacheObjects(context),
      ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alertsPrometheusRule(context) } : {}),
    };
  },
});
