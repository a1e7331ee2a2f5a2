/**
 * @platform/tempo: Grafana Tempo 3 (multi-tenant trace store on S3-compatible object storage), rendered natively
 * in its microservices architecture (Kafka-based write path, live-stores, block-builders, backend scheduler and
 * workers) or as one monolithic pod, with alerts and a dashboard.
 */
import {
  defineComponent,
  type IConfigMap,
  type IPodDisruptionBudget,
  type IPrometheusRule,
  type IService,
  serialize,
} from '@platform/core';
import { gossipRing } from '@platform/grafana-databases';
import { alertsPrometheusRule } from './alerts.js';
import { type BackendSchedulerObjects, backendScheduler } from './backend-scheduler.js';
import { type BackendWorkerObjects, backendWorker } from './backend-worker.js';
import { type BlockBuilderObjects, blockBuilder } from './block-builder.js';
import { checkConfig } from './check.js';
import { defaults, type TempoConfig } from './config.js';
import { overridesFile, tempoConfigFile } from './config-file.js';
import { configConfigMap, overridesConfigMap } from './config-maps.js';
import { tempoDashboards } from './dashboards.js';
import { type DistributorObjects, distributor } from './distributor.js';
import { tempoAddresses, tracesStore } from './endpoints.js';
import { type LiveStoreZoneObjects, liveStores } from './live-store.js';
import { type MetricsGeneratorObjects, metricsGenerator } from './metrics-generator.js';
import { type MonolithicObjects, monolithic } from './monolithic.js';
import { generatorTarget, tempoNetwork } from './network.js';
import { tempoDatabase } from './pod.js';
import { type QuerierObjects, querier } from './querier.js';
import { type QueryFrontendObjects, queryFrontend } from './query-frontend.js';

export { alertRules } from './alerts.js';
export * from './config.js';
export { bucketName, overridesFile, type TempoConfigFile, tempoConfigFile } from './config-file.js';
export { overviewDashboard } from './dashboards.js';
export {
  GRPC_PORT,
  HTTP_PORT,
  liveStoreName,
  OTLP_GRPC_PORT,
  OTLP_HTTP_PORT,
  SERVICE_NAMES,
  tempoAddresses,
  tracesStore,
} from './endpoints.js';

/** Every object Tempo can render, by name; which ones exist depends on the mode. */
export type TempoObjects = {
  config_configmap: IConfigMap;
  overrides_configmap: IConfigMap;
  gossip_ring_service?: IService;
  alerts_prometheusrule?: IPrometheusRule;
} & Partial<MonolithicObjects> &
  Partial<
    DistributorObjects &
      BlockBuilderObjects &
      QuerierObjects &
      QueryFrontendObjects &
      BackendSchedulerObjects &
      BackendWorkerObjects &
      MetricsGeneratorObjects
  > & { live_store_pdb?: IPodDisruptionBudget } & LiveStoreZoneObjects;

/** Grafana Tempo. `tempo({ kafka: { address } })` renders microservices mode; `tempo({ mode: 'monolithic' })` one pod. */
export const tempo = defineComponent<TempoConfig, TempoObjects>({
  name: 'tempo',
  tier: 'platform',
  defaults,
  check: checkConfig,
  provides: (context) => ({
    tracesStore: tracesStore(context),
    ...(context.environment.settings.serviceMonitors
      ? { dashboards: tempoDashboards(context.name, context.namespace, context.config.mode) }
      : {}),
  }),
  network: tempoNetwork,
  build(context) {
    const { config } = context;
    const microservices = config.mode === 'microservices';
    const ring = microservices ? gossipRing(context.name, context.namespace, context.environment.settings) : undefined;
    const configYaml = serialize(
      tempoConfigFile(context, {
        addresses: tempoAddresses(context),
        gossipJoinAddress: ring?.joinAddress,
        remoteWriteUrl: generatorTarget(context)?.remoteWriteUrl,
      }),
    );
    const database = tempoDatabase(context, ring, configYaml);
    const workloads = microservices
      ? {
          ...distributor(context, database),
          ...liveStores(context, database),
          ...blockBuilder(context, database),
          ...querier(context, database),
          ...queryFrontend(context, database),
          ...backendScheduler(context, database),
          ...backendWorker(context, database),
          ...(config.metricsGenerator.enabled ? metricsGenerator(context, database) : {}),
        }
      : monolithic(context, database);
    return {
      config_configmap: configConfigMap(context, configYaml),
      overrides_configmap: overridesConfigMap(context, serialize(overridesFile(config))),
      ...(ring ? { gossip_ring_service: ring.service } : {}),
      ...workloads,
      ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alertsPrometheusRule(context) } : {}),
    };
  },
});
