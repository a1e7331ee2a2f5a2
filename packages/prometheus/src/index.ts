/**
 * @platform/prometheus: metrics the Prometheus way. Prometheus-Operator (natively, v0.93.0), an HA Prometheus that
 * selects every ServiceMonitor, PodMonitor and PrometheusRule of the environment, Alertmanagers in a gossip cluster
 * configured from the environment's alert routing, kube-state-metrics, ServiceMonitors and rules for Kubernetes
 * itself, and with `thanos.enabled` a Thanos sidecar, Query and Query Frontend. `nodeExporter()` is the node agent.
 * Provides `metricsStore` like Mimir, so Grafana, Alloy, KEDA and dashboards follow whichever store is composed.
 */
import { alertRoutingRule } from '@platform/alert-routing';
import { defineComponent } from '@platform/core';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';
import { alertmanagers } from './alertmanager.js';
import { checkConfig } from './check.js';
import { kubernetesMonitors } from './cluster-monitors.js';
import { defaults, type PrometheusConfig } from './config.js';
import { prometheusDashboards } from './dashboards.js';
import { metricsStore, queryStoreApi } from './endpoints.js';
import { PROMETHEUS_OPERATOR_KINDS } from './kinds.js';
import { kubeStateMetrics } from './kube-state-metrics.js';
import { prometheusNetwork } from './network.js';
import { operator } from './operator.js';
import { operatorRbac } from './operator-rbac.js';
import { prometheusRbac } from './prometheus-rbac.js';
import { prometheusServer } from './prometheus-server.js';
import { rules } from './rules/index.js';
import { unselectedMonitorsRule } from './selection.js';
import { thanosObjects } from './thanos.js';

export type { LogLevel, PrometheusConfig, VolumeConfig } from './config.js';
export { defaults as prometheusDefaults } from './config.js';
export { metricsStore } from './endpoints.js';
export type { IAlertmanager, IPrometheus } from './kinds.js';
export { PROMETHEUS_OPERATOR_KINDS } from './kinds.js';
export * from './layout.js';
export { type NodeExporterConfig, nodeExporter, nodeExporterDefaults } from './node-exporter.js';
export { JOB, RUNBOOKS } from './rules/rule.js';
export { prometheusSelects, type SelectedKind, unselectedMonitorsRule } from './selection.js';

/**
 * Prometheus-Operator and its Prometheus (tier `platform`, namespace `prometheus`, Pod Security restricted). Needs
 * `@platform/prometheus-operator-crds` (it comes after it); with `thanos.enabled`, `@platform/thanos`; for the
 * Alertmanagers' receivers, `alertRouting()` and a secret store.
 *
 * ```ts
 * prometheus({ prometheus: { retention: '2d' }, thanos: { enabled: true } })
 * ```
 */
export const prometheus = defineComponent<PrometheusConfig, Record<string, import('@platform/core').KubeObject>>({
  name: 'prometheus',
  tier: 'platform',
  defaults,
  check: checkConfig,
  dependsOn: ({ peers }) =>
    peers.namespaceOf('prometheus-operator-crds') !== undefined ? ['prometheus-operator-crds'] : [],
  provides: (context) => {
    const store = queryStoreApi(context);
    return {
      metricsStore: metricsStore(context),
      dashboards: prometheusDashboards(context),
      ...(store ? { thanosStoreApi: store } : {}),
    };
  },
  network: prometheusNetwork,
  build: (context) => ({
    ...operatorRbac(context.name, context.namespace),
    ...operator(context),
    ...prometheusRbac(context.name, context.namespace),
    ...prometheusServer(context),
    ...alertmanagers(context),
    ...kubeStateMetrics(context),
    ...kubernetesMonitors(context),
    ...thanosObjects(context),
    ...rules(context),
  }),
  kinds: [...PROMETHEUS_OPERATOR_KINDS, ...EXTERNAL_SECRETS_KINDS],
  // An Alertmanager that notifies nobody is no Alertmanager: without the environment's routing, every alert fails.
  rules: [unselectedMonitorsRule, alertRoutingRule],
});
