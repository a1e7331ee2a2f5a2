import { type AlertRule, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { PostgresConfig } from './postgres-config.js';

type Rule = Omit<AlertRule, 'labels' | 'annotations'> & {
  severity: 'warning' | 'critical';
  summary: string;
  description: string;
};

/**
 * The known failure modes of a CloudNativePG cluster, on the metrics its instances export (the operator's default
 * queries, `cnpg_<query>_<column>`, docs/src/monitoring.md) and the kubelet's volume statistics: an instance down,
 * no primary, too few instances, replicas too far behind, instances sharing a node, connections near
 * `max_connections`, a volume filling up, and, with backups, WAL archiving failing or base backups too old
 * (the Barman Cloud plugin's `barman_cloud_cloudnative_pg_io_*` metrics, plugin docs observability.md).
 */
export function postgresAlerts(
  cluster: string,
  namespace: string,
  component: string,
  config: PostgresConfig,
): IPrometheusRule {
  const pods = `namespace="${namespace}", pod=~"${cluster}-[0-9]+"`;
  const rules: Rule[] = [
    {
      alert: 'PostgresInstanceDown',
      expr: `cnpg_collector_up{${pods}} == 0`,
      for: '5m',
      severity: config.instances > 1 ? 'warning' : 'critical',
      summary: `PostgreSQL instance {{ $labels.pod }} of ${namespace}/${cluster} is down`,
      description: 'The instance manager runs but PostgreSQL does not answer on {{ $labels.pod }}.',
    },
    {
      alert: 'PostgresPrimaryMissing',
      expr: `absent(cnpg_pg_replication_in_recovery{${pods}} == 0)`,
      for: '5m',
      severity: 'critical',
      summary: `PostgreSQL cluster ${namespace}/${cluster} has no primary`,
      description: 'No instance accepts writes: every client of the cluster fails.',
    },
    {
      alert: 'PostgresReplicationLag',
      expr: `max by (pod) (cnpg_pg_replication_lag{${pods}}) > ${config.alerts.replicationLagSeconds}`,
      for: '10m',
      severity: 'warning',
      summary: `Replica {{ $labels.pod }} of ${namespace}/${cluster} lags the primary`,
      description: `The replica replays WAL more than ${config.alerts.replicationLagSeconds}s behind the primary; a failover to it would lose that much.`,
    },
    {
      alert: 'PostgresConnectionsNearLimit',
      expr: `sum by (pod) (cnpg_backends_total{${pods}}) / on (pod) max by (pod) (cnpg_pg_settings_setting{${pods}, name="max_connections"}) > 0.8`,
      for: '10m',
      severity: 'warning',
      summary: `PostgreSQL instance {{ $labels.pod }} of ${namespace}/${cluster} uses over 80% of max_connections`,
      description: 'New connections will soon be refused; look for a client leaking connections, or add a pooler.',
    },
    {
      alert: 'PostgresVolumeFillingUp',
      expr: `kubelet_volume_stats_available_bytes{namespace="${namespace}", persistentvolumeclaim=~"${cluster}-[0-9]+(-wal)?"} / kubelet_volume_stats_capacity_bytes{namespace="${namespace}", persistentvolumeclaim=~"${cluster}-[0-9]+(-wal)?"} < 0.15`,
      for: '10m',
      severity: 'warning',
      summary: `Volume {{ $labels.persistentvolumeclaim }} of ${namespace}/${cluster} is over 85% full`,
      description:
        'PostgreSQL stops when its data or WAL volume is full; grow storage.size (resizing in use is supported) or free space.',
    },
  ];
  if (config.instances > 1) {
    rules.push(
      {
        alert: 'PostgresInstancesMissing',
        expr: `count(cnpg_collector_up{${pods}} == 1) < ${config.instances}`,
        for: '10m',
        severity: 'warning',
        summary: `PostgreSQL cluster ${namespace}/${cluster} runs fewer than ${config.instances} instances`,
        description: 'The cluster survives fewer failures than it was sized for until the missing instances are back.',
      },
      {
        alert: 'PostgresInstancesOnSameNode',
        expr: `max(cnpg_collector_nodes_used{${pods}}) < ${config.instances}`,
        for: '15m',
        severity: 'warning',
        summary: `Instances of ${namespace}/${cluster} share a node`,
        description: 'Losing that node takes out more than one instance.',
      },
    );
  }
  if (config.backup.enabled) {
    rules.push(
      {
        alert: 'PostgresWalArchivingFailing',
        expr: `cnpg_pg_stat_archiver_last_failed_time{${pods}} > cnpg_pg_stat_archiver_last_archived_time{${pods}}`,
        for: '15m',
        severity: 'critical',
        summary: `WAL archiving of ${namespace}/${cluster} is failing`,
        description: 'Point-in-time recovery stops at the last archived WAL and pg_wal grows until the volume is full.',
      },
      {
        alert: 'PostgresBackupTooOld',
        expr: `time() - max(barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{${pods}}) > ${config.backup.maxAgeHours * 3600}`,
        for: '1h',
        severity: 'warning',
        summary: `The newest base backup of ${namespace}/${cluster} is older than ${config.backup.maxAgeHours}h`,
        description: 'Scheduled backups are failing or not running; recovery would replay more WAL than planned.',
      },
    );
  }
  return prometheusRule({ name: component, namespace }, `${cluster}-postgres`, [
    {
      name: `postgres-${cluster}`,
      rules: rules.map(({ severity, summary, description, ...rule }) => ({
        ...rule,
        labels: { severity, team: config.alerts.team },
        annotations: { summary, description, runbook_url: `${config.alerts.runbookUrl}#${rule.alert.toLowerCase()}` },
      })),
    },
  ]);
}
