import { type AlertRule, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { KarpenterConfig } from './config.js';

type Rule = Omit<AlertRule, 'labels' | 'annotations'> & {
  severity: 'warning' | 'critical';
  summary: string;
  description: string;
};

/**
 * Karpenter's known failure modes, on its own metrics (website docs/reference/metrics.md at v1.14.1): a pool
 * close to its CPU limit (pods will stay Pending once it is reached), pods Karpenter cannot place, cloud
 * provider calls failing (IAM, quotas, capacity), and cluster state out of sync with the API server.
 */
export function alerts(context: BuildContext<KarpenterConfig>): IPrometheusRule {
  const { team, runbookUrl, poolLimitRatio } = context.config.alerts;
  const rules: Rule[] = [
    {
      alert: 'KarpenterNodePoolNearCpuLimit',
      expr: `karpenter_nodepools_usage{resource_type="cpu"} / karpenter_nodepools_limit{resource_type="cpu"} > ${poolLimitRatio}`,
      for: '15m',
      severity: 'warning',
      summary: `NodePool {{ $labels.nodepool }} has provisioned over ${poolLimitRatio * 100}% of its CPU limit`,
      description:
        'Once the limit is reached Karpenter launches no more nodes for the pool and new pods stay Pending; raise cpuLimit or find what grew.',
    },
    {
      alert: 'KarpenterUnschedulablePods',
      expr: 'max(karpenter_scheduler_unschedulable_pods_count) > 0',
      for: '15m',
      severity: 'warning',
      summary: 'Karpenter finds no pool for some pending pods',
      description:
        "No pool's requirements, limits or instance types fit them; the controller logs say which constraint fails.",
    },
    {
      alert: 'KarpenterCloudProviderErrors',
      expr: 'sum by (method) (rate(karpenter_cloudprovider_errors_total[5m])) > 0',
      for: '15m',
      severity: 'warning',
      summary: 'Karpenter AWS calls ({{ $labels.method }}) keep failing',
      description:
        'Usually IAM permissions of the controller role, an EC2 quota, or no capacity for the allowed instance types.',
    },
    {
      alert: 'KarpenterClusterStateNotSynced',
      expr: 'max(karpenter_cluster_state_synced) == 0',
      for: '15m',
      severity: 'critical',
      summary: "Karpenter's view of the cluster is out of sync",
      description:
        'While unsynced Karpenter neither consolidates nor disrupts nodes; check the controller logs and API server access.',
    },
  ];
  return prometheusRule(context, `${context.name}-alerts`, [
    {
      name: 'karpenter',
      rules: rules.map(({ severity, summary, description, ...rule }) => ({
        ...rule,
        labels: { severity, team },
        annotations: { summary, description, runbook_url: `${runbookUrl}#${rule.alert.toLowerCase()}` },
      })),
    },
  ]);
}
