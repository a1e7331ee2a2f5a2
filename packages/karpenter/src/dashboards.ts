import type { ComponentContext, DashboardSet } from '@platform/core';
import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';
import type { KarpenterConfig } from './config.js';

/** "Karpenter": nodes by pool and capacity type, pool usage against limits, pending pods, disruptions and cost. */
export function karpenterDashboards({ name, namespace }: ComponentContext<KarpenterConfig>): DashboardSet {
  const board = dashboard({
    uid: 'platform-karpenter',
    title: 'Karpenter',
    tags: ['karpenter', 'autoscaling', 'platform'],
    rows: [
      {
        title: 'Headlines',
        panels: [
          statPanel('Nodes', 'short', { expr: 'sum(karpenter_cluster_state_node_count)' }),
          statPanel('Unschedulable pods', 'short', { expr: 'max(karpenter_scheduler_unschedulable_pods_count)' }),
          statPanel('Pool cost (provider units)', 'short', { expr: 'sum(karpenter_nodepools_cost_total)' }),
        ],
      },
      {
        title: 'Capacity',
        panels: [
          timeseriesPanel(
            'Pods by capacity type',
            'short',
            [{ expr: 'count by (capacity_type) (karpenter_pods_state)', legend: '{{capacity_type}}' }],
            { stacked: true },
          ),
          timeseriesPanel('Pool CPU usage / limit', 'percentunit', [
            {
              expr: 'karpenter_nodepools_usage{resource_type="cpu"} / karpenter_nodepools_limit{resource_type="cpu"}',
              legend: '{{nodepool}}',
            },
          ]),
        ],
      },
      {
        title: 'Disruption',
        panels: [
          timeseriesPanel('Disruption decisions / h', 'short', [
            {
              expr: 'sum by (decision, reason) (increase(karpenter_voluntary_disruption_decisions_total[1h]))',
              legend: '{{reason}} {{decision}}',
            },
          ]),
          timeseriesPanel('Interruption messages / h', 'short', [
            {
              expr: 'sum by (message_type) (increase(karpenter_interruption_received_messages_total[1h]))',
              legend: '{{message_type}}',
            },
          ]),
        ],
      },
    ],
  });
  return { component: name, namespace, folder: 'Platform', dashboards: { 'karpenter.json': board } };
}
