/**
 * @platform/tempo: Grafana Tempo 3 (multi-tenant trace store on S3-compatible object storage), rendered natively
 * in its microservices architecture (Kafka-based write path, live-stores, block-builders, backend scheduler and
 * workers) or as one monolithic pod, with alerts and a dashboard.
 */
import { defineComponent, serialize, type IConfigMap, type IPodDisruptionBudget, type IPrometheusRule, type IService } from '@platform/core';
import { gossipRing } from '@platform/grafana-databases';
import { alertsPrometheusRule } from './alerts.js';
import { backendScheduler, type BackendSchedulerObjects } from './backend-scheduler.js';
import { backendWorker, type BackendWorkerObjects } from './backend-worker.js';
import { blockBuilder, type BlockBuilderObjects } from './block-builder.js';
import { checkTempoConfig } from './checks.js';
import { defaults, type TempoConfig } from './config.js';
import { overridesFile, tempoConfigFile } from './config-file.js';
import { configConfigMap, overridesConfigMap } from './config-maps.js';
import { tempoDashboards } from './dashboards.js';
import { distributor, type DistributorObjects } from './distributor.js';
import { tempoAddresses, tracesStore } from './endpoints.js';
import { liveStores, type LiveStoreZoneObjects } from './live-store.js';
import { metricsGenerator, type MetricsGeneratorObjects } from './metrics-generator.js';
import { monolithic, type MonolithicObjects } from './monolithic.js';
import { generatorTarget, tempoNetwork } from './network.js';
import { tempoDatabase } from './pod.js';
import { querier, type QuerierObjects } from './querier.js';
import { queryFrontend, type QueryFrontendObjects } from './query-frontend.js';

export * from './config.js';
export { tempoAddresses, tracesStore, liveStoreName, SERVICE_NAMES, HTTP_PORT, GRPC_PORT, OTLP_GRPC_PORT, OTLP_HTTP_PORT } from './endpoints.js';
export { tempoConfigFile, overridesFile, bucketName, type TempoConfigFile } from './config-file.js';
export { alertRules } from './alerts.js';
export { overviewDashboard } from './dashboards.js';

/** Every object Tempo can render, by name; which ones exist depends on the mode. */
export type TempoObjects =
  & { config_configmap: IConfigMap; overrides_configmap: IConfigMap; gossip_ring_service?: IService; alerts_prometheusrule?: IPrometheusRule }
  & Partial<MonolithicObjects>
  & Partial<DistributorObjects & BlockBuilderObjects & QuerierObjects & QueryFrontendObjects & BackendSchedulerObjects & BackendWorkerObjects & MetricsGeneratorObjects>
  & { live_store_pdb?: IPodDisruptionBudget } & LiveStoreZoneObjects;

/** Grafana Tempo. `tempo({ kafka: { address } })` renders microservices mode; `tempo({ mode: 'monolithic' })` one pod. */
export const tempo = defineComponent<TempoConfig, TempoObjects>({
  name: 'tempo',
  tier: 'platform',
  defaults,
  check: (config, checks) => checkTempoConfig(config, checks),
  provides: (context) => ({
    tracesStore: tracesStore(context),
    ...(context.environment.settings.serviceMonitors ? { dashboards: tempoDashboards(context.name, context.namespace, context.config.mode) } : {}),
  }),
  network: tempoNetwork,
  build(context) {
    const { config } = context;
    const microservices = config.mode === 'microservices';
    const ring = microservices ? gossipRing(context.name, context.namespace, context.environment.settings) : undefined;
    const configYaml = serialize(tempoConfigFile(context, {
      addresses: tempoAddresses(context),
      gossipJoinAddress: ring?.joinAddress,
      remoteWriteUrl: generatorTarget(context)?.remoteWriteUrl,
    }));
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
