import type { DashboardSet } from '@platform/core';
import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';

/**
 * "PostgreSQL / <cluster>": whether the instances are up and which is primary, transactions and connections,
 * replication lag, WAL archiving and backup age, and volume usage, on the instances' own metrics.
 */
function postgresDashboard(cluster: string, namespace: string): Record<string, unknown> {
  const pods = `namespace="$namespace", pod=~"${cluster}-[0-9]+"`;
  const claims = `namespace="$namespace", persistentvolumeclaim=~"${cluster}-[0-9]+(-wal)?"`;
  return dashboard({
    uid: `platform-postgres-${namespace}-${cluster}`.slice(0, 40),
    title: `PostgreSQL / ${cluster}`,
    tags: ['postgres', 'cloudnative-pg', 'platform'],
    namespaceVariable: { metric: 'cnpg_collector_up', current: namespace },
    rows: [
      {
        title: 'Headlines',
        panels: [
          statPanel('Instances up', 'short', { expr: `sum(cnpg_collector_up{${pods}})` }),
          statPanel('Connections', 'short', { expr: `sum(cnpg_backends_total{${pods}})` }),
          statPanel('Max replication lag', 's', { expr: `max(cnpg_pg_replication_lag{${pods}})` }),
          statPanel('Newest backup age', 's', {
            expr: `time() - max(barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{${pods}})`,
          }),
        ],
      },
      {
        title: 'Activity',
        panels: [
          timeseriesPanel('Commits / sec', 'short', [
            {
              expr: `sum by (datname) (rate(cnpg_pg_stat_database_xact_commit{${pods}}[$__rate_interval]))`,
              legend: '{{datname}}',
            },
          ]),
          timeseriesPanel(
            'Backends by state',
            'short',
            [{ expr: `sum by (state) (cnpg_backends_total{${pods}})`, legend: '{{state}}' }],
            { stacked: true },
          ),
        ],
      },
      {
        title: 'Replication and archiving',
        panels: [
          timeseriesPanel('Replication lag', 's', [{ expr: `cnpg_pg_replication_lag{${pods}}`, legend: '{{pod}}' }]),
          timeseriesPanel('WAL archived / failed per second', 'short', [
            { expr: `sum(rate(cnpg_pg_stat_archiver_archived_count{${pods}}[$__rate_interval]))`, legend: 'archived' },
            { expr: `sum(rate(cnpg_pg_stat_archiver_failed_count{${pods}}[$__rate_interval]))`, legend: 'failed' },
          ]),
        ],
      },
      {
        title: 'Storage',
        panels: [
          timeseriesPanel('Volume usage', 'percentunit', [
            {
              expr: `1 - kubelet_volume_stats_available_bytes{${claims}} / kubelet_volume_stats_capacity_bytes{${claims}}`,
              legend: '{{persistentvolumeclaim}}',
            },
          ]),
        ],
      },
    ],
  });
}

/** The dashboards a cluster ships through the `dashboards` capability. */
export function postgresDashboards(component: string, namespace: string, cluster: string): DashboardSet {
  return {
    component,
    namespace,
    folder: 'PostgreSQL',
    dashboards: { [`postgres-${namespace}-${cluster}.json`]: postgresDashboard(cluster, namespace) },
  };
}
