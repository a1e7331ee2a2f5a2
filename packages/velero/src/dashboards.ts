import type { ComponentContext, DashboardSet } from '@platform/core';
import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';
import type { VeleroConfig } from './config.js';

/** Backups at a glance: last status and age per schedule, outcomes over time, durations and sizes. */
function overviewDashboard(namespace: string): Record<string, unknown> {
  const scope = `namespace="${namespace}", schedule!=""`;
  return dashboard({
    uid: `velero-overview-${namespace}`.slice(0, 40),
    title: `Velero / Backups (${namespace})`,
    tags: ['velero', 'backup', 'platform'],
    from: 'now-7d',
    rows: [
      {
        panels: [
          statPanel('Schedules failing', 'short', {
            expr: `count(velero_backup_last_status{${scope}} == 0) or vector(0)`,
          }),
          statPanel('Oldest last success', 's', {
            expr: `max(time() - velero_backup_last_successful_timestamp{${scope}})`,
          }),
          statPanel('Storage locations unavailable', 'short', {
            expr: `count(velero_backup_location_status_gauge{namespace="${namespace}"} == 0) or vector(0)`,
          }),
        ],
      },
      {
        panels: [
          timeseriesPanel('Age of the last successful backup', 's', [
            { expr: `time() - velero_backup_last_successful_timestamp{${scope}}`, legend: '{{schedule}}' },
          ]),
          timeseriesPanel('Backups by outcome (per day)', 'short', [
            {
              expr: `sum by (schedule) (increase(velero_backup_success_total{${scope}}[1d]))`,
              legend: '{{schedule}} ok',
            },
            {
              expr: `sum by (schedule) (increase(velero_backup_failure_total{${scope}}[1d]))`,
              legend: '{{schedule}} failed',
            },
            {
              expr: `sum by (schedule) (increase(velero_backup_partial_failure_total{${scope}}[1d]))`,
              legend: '{{schedule}} partial',
            },
          ]),
        ],
      },
      {
        panels: [
          timeseriesPanel('Backup duration p95', 's', [
            {
              expr: `histogram_quantile(0.95, sum by (schedule, le) (rate(velero_backup_duration_seconds_bucket{${scope}}[$__rate_interval])))`,
              legend: '{{schedule}}',
            },
          ]),
          timeseriesPanel('Backup tarball size', 'bytes', [
            { expr: `velero_backup_tarball_size_bytes{${scope}}`, legend: '{{schedule}}' },
          ]),
        ],
      },
    ],
  });
}

/** The dashboards this instance provides to Grafana. */
export function veleroDashboards({ name, namespace }: ComponentContext<VeleroConfig>): DashboardSet {
  return {
    component: name,
    namespace,
    folder: 'Backups',
    dashboards: { [`${name}-backups.json`]: overviewDashboard(namespace) },
  };
}
