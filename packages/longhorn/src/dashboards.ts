import type { ComponentContext, DashboardSet } from '@platform/core';
import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';
import type { LonghornConfig } from './config.js';

/** An overview of one Longhorn installation: volume health, capacity per node and disk, I/O, backups. */
function overviewDashboard(namespace: string): Record<string, unknown> {
  return dashboard({
    uid: `longhorn-overview-${namespace}`.slice(0, 40),
    title: `Longhorn / Overview (${namespace})`,
    tags: ['longhorn', 'storage', 'platform'],
    rows: [
      {
        panels: [
          statPanel('Healthy volumes', 'short', { expr: 'sum(longhorn_volume_robustness{state="healthy"})' }),
          statPanel('Degraded volumes', 'short', { expr: 'sum(longhorn_volume_robustness{state="degraded"})' }),
          statPanel('Faulted volumes', 'short', { expr: 'sum(longhorn_volume_robustness{state="faulted"})' }),
          statPanel('Nodes not ready', 'short', {
            expr: 'count(longhorn_node_status{condition="ready"} == 0) or vector(0)',
          }),
        ],
      },
      {
        title: 'Capacity',
        panels: [
          timeseriesPanel('Disk usage', 'percentunit', [
            { expr: 'longhorn_disk_usage_bytes / longhorn_disk_capacity_bytes', legend: '{{node}} {{disk}}' },
          ]),
          timeseriesPanel('Scheduled storage per node', 'bytes', [
            { expr: 'longhorn_node_storage_scheduled_bytes', legend: '{{node}} scheduled' },
            { expr: 'longhorn_node_storage_capacity_bytes', legend: '{{node}} capacity' },
          ]),
        ],
      },
      {
        title: 'Volumes',
        panels: [
          timeseriesPanel('Throughput', 'Bps', [
            {
              expr: 'sum by (pvc_namespace, pvc) (longhorn_volume_read_throughput)',
              legend: 'read {{pvc_namespace}}/{{pvc}}',
            },
            {
              expr: 'sum by (pvc_namespace, pvc) (longhorn_volume_write_throughput)',
              legend: 'write {{pvc_namespace}}/{{pvc}}',
            },
          ]),
          timeseriesPanel('Age of the last backup', 's', [
            { expr: 'time() - (longhorn_volume_last_backup_at > 0)', legend: '{{pvc_namespace}}/{{pvc}}' },
          ]),
        ],
      },
    ],
  });
}

/** The dashboards this instance provides to Grafana. */
export function longhornDashboards({ name, namespace }: ComponentContext<LonghornConfig>): DashboardSet {
  return {
    component: name,
    namespace,
    folder: 'Storage',
    dashboards: { [`${name}-overview.json`]: overviewDashboard(namespace) },
  };
}
