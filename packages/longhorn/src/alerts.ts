import { alertRuleBuilder, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { LonghornConfig } from './config.js';

/*
 * Metric names and labels as longhorn-manager v1.12.1 exports them (metrics_collector/): volume robustness is one
 * series per state with value 1 for the current one (volume_collector.go:327-345, states unknown, healthy,
 * degraded, faulted); node and disk conditions carry the condition type in lower case (node_collector.go:223,
 * disk_collector.go:269); backup state 4 is Error (backup_collector.go:110-125).
 */

/**
 * Alerts on Longhorn's failure modes: a faulted volume (no healthy replica: the workload is down), a degraded
 * one that does not rebuild, a node the manager sees as not ready, disks filling up towards the point where
 * they take no new replicas, failed backups, and volumes whose last backup is too old.
 */
export function alerts(context: BuildContext<LonghornConfig>): IPrometheusRule {
  const { name, namespace, config } = context;
  const { backupMaxAgeHours } = config.alerts;
  const rule = alertRuleBuilder(config.alerts);
  const fullRatio = 1 - (config.storageMinimalAvailablePercentage + 10) / 100;
  const backups = config.backupTarget.enabled && config.recurringJobs.backup.enabled;
  return prometheusRule(context, `${name}-storage`, [
    {
      name: 'longhorn',
      rules: [
        rule(
          'LonghornVolumeFaulted',
          'critical',
          'max by (pvc_namespace, pvc, volume) (longhorn_volume_robustness{state="faulted"}) == 1',
          '2m',
          'Longhorn volume {{ $labels.volume }} ({{ $labels.pvc_namespace }}/{{ $labels.pvc }}) is faulted',
          'The volume has no healthy replica; its workload cannot run. Check the replicas and nodes of the volume in the Longhorn UI.',
        ),
        rule(
          'LonghornVolumeDegraded',
          'warning',
          'max by (pvc_namespace, pvc, volume) (longhorn_volume_robustness{state="degraded"}) == 1',
          '30m',
          'Longhorn volume {{ $labels.volume }} ({{ $labels.pvc_namespace }}/{{ $labels.pvc }}) has been degraded for 30 minutes',
          'Fewer healthy replicas than configured and no rebuild finished: a node or disk is down, or no node has room for a new replica.',
        ),
        rule(
          'LonghornNodeNotReady',
          'critical',
          'max by (node) (longhorn_node_status{condition="ready"}) == 0',
          '5m',
          'Longhorn node {{ $labels.node }} is not ready',
          'The manager on the node is down or the node is unreachable; its replicas are failing and volumes attached there are at risk.',
        ),
        rule(
          'LonghornDiskFillingUp',
          'warning',
          `max by (node, disk) (longhorn_disk_usage_bytes / longhorn_disk_capacity_bytes) > ${fullRatio.toFixed(2)}`,
          '30m',
          'Longhorn disk {{ $labels.disk }} on {{ $labels.node }} is {{ $value | humanizePercentage }} full',
          `At ${config.storageMinimalAvailablePercentage}% free space the disk takes no new replicas (storage-minimal-available-percentage); add capacity or remove snapshots.`,
        ),
        rule(
          'LonghornBackupFailed',
          'warning',
          'max by (volume, backup, recurring_job) (longhorn_backup_state) == 4',
          '5m',
          'Longhorn backup {{ $labels.backup }} of volume {{ $labels.volume }} failed',
          'The backup is in state Error; its events name the cause (target unreachable, credentials, space).',
        ),
        ...(backups
          ? [
              rule(
                'LonghornVolumeBackupTooOld',
                'warning',
                `max by (pvc_namespace, pvc, volume) (time() - (longhorn_volume_last_backup_at > 0)) > ${backupMaxAgeHours * 3600}`,
                '1h',
                'The last backup of Longhorn volume {{ $labels.volume }} ({{ $labels.pvc_namespace }}/{{ $labels.pvc }}) is older than ' +
                  `${backupMaxAgeHours} hours`,
                'The recurring backup job is not running or not succeeding for this volume; check the backup-default RecurringJob and the backup target.',
              ),
            ]
          : []),
        rule(
          'LonghornManagerDown',
          'critical',
          `absent(up{namespace="${namespace}", job="longhorn-backend"} == 1)`,
          '5m',
          'No Longhorn manager is up',
          'Every longhorn-manager pod is down or unreachable: no volume can be attached, detached or rebuilt.',
        ),
      ],
    },
  ]);
}
