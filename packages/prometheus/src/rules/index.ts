import type { BuildContext, IPrometheusRule } from '@platform/core';
import { prometheusRule } from '@platform/core';
import type { PrometheusConfig } from '../config.js';
import { API_SERVER_ALERTS } from './api-server.js';
import { CERTIFICATE_ALERTS } from './certificates.js';
import { DNS_ALERTS } from './dns.js';
import { KUBELET_ALERTS } from './kubelet.js';
import { monitoringAlerts } from './monitoring.js';
import { NODE_ALERTS } from './nodes.js';
import { ownedRules } from './rule.js';
import { STORAGE_ALERTS } from './storage.js';
import { WORKLOAD_ALERTS } from './workloads.js';

/**
 * The alerts for Kubernetes itself, written for this platform's jobs (the failure patterns our users list: DNS,
 * resource limits, networking, certificates, storage), in one PrometheusRule per concern, all owned by
 * `config.team`; and the monitoring stack's own alerts. Only the groups whose metrics are scraped are rendered.
 */
export function rules(context: BuildContext<PrometheusConfig>): Record<string, IPrometheusRule> {
  const { config } = context;
  if (!context.environment.settings.serviceMonitors) return {};
  const team = config.team;
  const k = config.kubernetes;
  const groups: Array<[string, string, Parameters<typeof ownedRules>[1], boolean]> = [
    ['kubernetes_nodes_prometheusrule', 'kubernetes-nodes', NODE_ALERTS, k.rules && config.kubeStateMetrics.enabled],
    ['kubernetes_kubelet_prometheusrule', 'kubernetes-kubelet', KUBELET_ALERTS, k.rules && k.kubelet],
    ['kubernetes_api_server_prometheusrule', 'kubernetes-api-server', API_SERVER_ALERTS, k.rules && k.apiServer],
    ['kubernetes_dns_prometheusrule', 'kubernetes-dns', DNS_ALERTS, k.rules && k.coreDns],
    [
      'kubernetes_certificates_prometheusrule',
      'kubernetes-certificates',
      CERTIFICATE_ALERTS,
      k.rules && k.kubelet && k.apiServer,
    ],
    [
      'kubernetes_storage_prometheusrule',
      'kubernetes-storage',
      STORAGE_ALERTS,
      k.rules && k.kubelet && config.kubeStateMetrics.enabled,
    ],
    [
      'kubernetes_workloads_prometheusrule',
      'kubernetes-workloads',
      WORKLOAD_ALERTS,
      k.rules && config.kubeStateMetrics.enabled,
    ],
    ['monitoring_prometheusrule', 'monitoring', monitoringAlerts(context.namespace, config.thanos.enabled), true],
  ];
  return Object.fromEntries(
    groups
      .filter(([, , , enabled]) => enabled)
      .map(([key, name, specs]) => [key, prometheusRule(context, name, [{ name, rules: ownedRules(team, specs) }])]),
  );
}
