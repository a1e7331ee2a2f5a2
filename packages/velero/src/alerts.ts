import { alertRuleBuilder, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import { RELEASE_NAME } from './chart.js';
import type { VeleroConfig } from './config.js';

/*
 * Metrics as Velero v1.18.1 exports them (pkg/metrics/metrics.go:36-96): `velero_backup_last_status` (1 success,
 * 0 failure, :240-246) and `velero_backup_last_successful_timestamp` by `schedule`, partial failures by `schedule`,
 * `velero_backup_location_status_gauge` (1 available) by `backup_location_name`.
 */

/**
 * Alerts on what makes backups silently useless: a scheduled backup that failed or partly failed (a volume
 * that was not copied), a schedule whose last success is too old, a storage location Velero cannot reach, and a
 * server that is not running.
 */
export function alerts(context: BuildContext<VeleroConfig>): IPrometheusRule {
  const { name, namespace, config } = context;
  const { maxBackupAgeHours } = config.alerts;
  const scope = `namespace="${namespace}"`;
  const rule = alertRuleBuilder(config.alerts);
  return prometheusRule(context, `${name}-backups`, [
    {
      name: 'velero',
      rules: [
        rule(
          'VeleroBackupFailed',
          'critical',
          `max by (schedule) (velero_backup_last_status{${scope}, schedule!=""}) == 0`,
          '15m',
          'The last backup of Velero schedule {{ $labels.schedule }} failed',
          'Nothing of this schedule was saved in its last run; `velero backup describe` and `velero backup logs` of its latest backup say why.',
        ),
        rule(
          'VeleroBackupPartiallyFailed',
          'warning',
          `sum by (schedule) (increase(velero_backup_partial_failure_total{${scope}, schedule!=""}[1d])) > 0`,
          '15m',
          'A backup of Velero schedule {{ $labels.schedule }} partly failed in the last day',
          'Some items or volumes were not saved (a pod volume backup failed, a resource could not be read); the backup cannot restore them.',
        ),
        rule(
          'VeleroBackupTooOld',
          'warning',
          `max by (schedule) (time() - velero_backup_last_successful_timestamp{${scope}, schedule!=""}) > ${maxBackupAgeHours * 3600}`,
          '30m',
          `Velero schedule {{ $labels.schedule }} has no successful backup in ${maxBackupAgeHours} hours`,
          'The schedule is failing, paused, or Velero has not been running; a restore now would lose everything since its last success.',
        ),
        rule(
          'VeleroBackupLocationUnavailable',
          'critical',
          `max by (backup_location_name) (velero_backup_location_status_gauge{${scope}}) == 0`,
          '15m',
          'Velero cannot reach backup storage location {{ $labels.backup_location_name }}',
          'Every backup to it fails: check the bucket, the credentials and the object-storage egress.',
        ),
        rule(
          'VeleroDown',
          'critical',
          `absent(up{${scope}, job="${RELEASE_NAME}"} == 1)`,
          '15m',
          'The Velero server is not running',
          'No backup is taken and no restore can run until it is back.',
        ),
      ],
    },
  ]);
}
