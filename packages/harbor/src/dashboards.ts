import type { ComponentContext, DashboardSet } from '@platform/core';
import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';
import type { HarborConfig } from './config.js';

/** Harbor at a glance: health per component, storage and pulls per project, job queue latency. */
function overviewDashboard(namespace: string): Record<string, unknown> {
  const scope = `namespace="${namespace}"`;
  return dashboard({
    uid: `harbor-overview-${namespace}`.slice(0, 40),
    title: `Harbor / Overview (${namespace})`,
    tags: ['harbor', 'registry', 'platform'],
    from: 'now-24h',
    rows: [
      {
        panels: [
          statPanel('Healthy', 'short', { expr: `max(harbor_health{${scope}})` }),
          statPanel('Components down', 'short', { expr: `count(harbor_up{${scope}} == 0) or vector(0)` }),
          statPanel('Storage used', 'bytes', { expr: `max(harbor_statistics_total_storage_consumption{${scope}})` }),
        ],
      },
      {
        panels: [
          timeseriesPanel('Storage per project', 'bytes', [
            { expr: `max by (project_name) (harbor_project_quota_usage_byte{${scope}})`, legend: '{{project_name}}' },
          ]),
          // A gauge of the pull count the exporter reads from the database, not a counter.
          timeseriesPanel('Pulls per project', 'short', [
            { expr: `max by (project_name) (harbor_artifact_pulled{${scope}})`, legend: '{{project_name}}' },
          ]),
          timeseriesPanel('Job queue latency', 's', [
            { expr: `max by (type) (harbor_task_queue_latency{${scope}})`, legend: '{{type}}' },
          ]),
        ],
      },
    ],
  });
}

/** The dashboards this instance provides to Grafana. */
export function harborDashboards({ name, namespace }: ComponentContext<HarborConfig>): DashboardSet {
  return {
    component: name,
    namespace,
    folder: 'Registry',
    dashboards: { [`${name}-overview.json`]: overviewDashboard(namespace) },
  };
}
