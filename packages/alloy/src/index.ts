/**
 * @platform/alloy: Grafana Alloy as a node agent. A DaemonSet collects the cluster's container logs, node
 * journal, kubelet/cAdvisor metrics, annotated pods, ServiceMonitors/PodMonitors and OTLP, and ships each
 * signal to every store of the environment (found through the `metricsStore`, `logsStore` and
 * `tracesStore` capabilities) plus any extra remote targets.
 */
import {
  type BuildContext,
  defineComponent,
  type IClusterRole,
  type IClusterRoleBinding,
  type IConfigMap,
  type IDaemonSet,
  type IService,
  type IServiceAccount,
  type IServiceMonitor,
  namedWorkloadObjects,
  selectorLabels,
  serviceHost,
  type TelemetryStores,
} from '@platform/core';
import { type GeneratedAlloyConfig, generateAlloyConfig } from './alloy-config.js';
import { checkConfig } from './check.js';
import { ALLOY_WORKLOAD, type AlloyConfig, defaults, PORTS } from './config.js';
import { alloyWorkload } from './daemonset.js';
import { alloyNetwork } from './network.js';
import { rbac } from './rbac.js';
import { resolveStores } from './stores.js';

export { type AlloyConfigInput, type GeneratedAlloyConfig, generateAlloyConfig } from './alloy-config.js';
export type { AlloyConfig, RemoteTarget, SecretKeyRef, StoreCapability } from './config.js';
export { ALLOY_IMAGE, defaults as alloyDefaults } from './config.js';
export { type Block, block, concat, Expression, expr, ref, toLabel, type Value, writeAlloyFile } from './syntax.js';

/** The named objects an Alloy instance renders. */
export type AlloyObjects = {
  alloy_serviceaccount: IServiceAccount;
  alloy_clusterrole: IClusterRole;
  alloy_clusterrolebinding: IClusterRoleBinding;
  alloy_configmap: IConfigMap;
  alloy_daemonset: IDaemonSet;
  alloy_service?: IService;
  alloy_servicemonitor?: IServiceMonitor;
  alloy_cluster_service?: IService;
};

function generate(context: BuildContext<AlloyConfig>): { stores: TelemetryStores; generated: GeneratedAlloyConfig } {
  const stores = resolveStores(context);
  const { settings } = context.environment;
  const generated = generateAlloyConfig({
    config: context.config,
    cluster: context.environment.cluster.name,
    tenant: settings.tenant,
    serviceMonitors: settings.serviceMonitors,
    stores,
  });
  return { stores, generated };
}

/**
 * Grafana Alloy as a DaemonSet. Usage: `alloy()` or `alloy({ extraMetricsTargets: [...], require: ['metricsStore'] })`.
 * Objects: `alloy_serviceaccount`, `alloy_clusterrole`, `alloy_clusterrolebinding`, `alloy_configmap`,
 * `alloy_daemonset`, and when present `alloy_service`, `alloy_servicemonitor`, `alloy_cluster_service`.
 */
export const alloy = defineComponent<AlloyConfig, AlloyObjects>({
  name: 'alloy',
  tier: 'platform',
  defaults,
  // hostPath volumes are forbidden by the baseline level, so the namespace must be privileged; the pod
  // itself carries waivers for exactly the rules it breaks.
  podSecurity: 'privileged',
  check: checkConfig,
  build(context) {
    const { generated } = generate(context);
    const access = rbac(context, generated);
    const workload = alloyWorkload(context, generated);
    return {
      alloy_serviceaccount: access.serviceAccount,
      alloy_clusterrole: access.clusterRole,
      alloy_clusterrolebinding: access.clusterRoleBinding,
      alloy_configmap: workload.configMap,
      ...namedWorkloadObjects('alloy', 'daemonset', workload.objects),
      ...(workload.clusterService ? { alloy_cluster_service: workload.clusterService } : {}),
    };
  },
  provides(context) {
    if (!context.config.otlp.enabled) return {};
    const host = serviceHost(ALLOY_WORKLOAD, context.namespace, context.environment.settings);
    const pods = selectorLabels(context.name, ALLOY_WORKLOAD);
    return {
      otlpCollector: {
        component: context.name,
        namespace: context.namespace,
        otlpGrpcAddress: `${host}:${PORTS.otlpGrpc}`,
        otlpHttpUrl: `http://${host}:${PORTS.otlpHttp}`,
        pods: { otlpGrpcAddress: pods, otlpHttpUrl: pods },
      },
    };
  },
  network(context) {
    const { stores, generated } = generate(context);
    return alloyNetwork(context, stores, generated);
  },
});
