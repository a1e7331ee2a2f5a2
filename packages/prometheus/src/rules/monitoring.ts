import { type AlertSpec, JOB } from './rule.js';

/**
 * The monitoring stack itself, in its namespace (metric names at the pinned versions: the operator's
 * `pkg/operator/resource_reconciler.go:231,236` and `operator.go:314`; Prometheus' `notifier/metric.go:60,68`,
 * `rules/group.go:993`, `tsdb/db.go:416`; Alertmanager's `notify/metrics.go:45,50`, `cluster/delegate.go:79`;
 * the Thanos sidecar's `thanos_sidecar_prometheus_up` and `thanos_shipper_upload_failures_total`, Thanos
 * `cmd/thanos/sidecar.go:183`, `pkg/shipper/shipper.go:60` at v0.42.4).
 */
export function monitoringAlerts(namespace: string, thanos: boolean): AlertSpec[] {
  const ns = `namespace="${namespace}"`;
  const prometheus = `job="${JOB.prometheus}", ${ns}`;
  const alertmanager = `job="${JOB.alertmanager}", ${ns}`;
  const operator = `job="${JOB.operator}", ${ns}`;
  return [
    {
      alert: 'PrometheusOperatorReconcileErrors',
      expr: `sum by (namespace, controller) (rate(prometheus_operator_reconcile_errors_total{${operator}}[5m]))\n  / sum by (namespace, controller) (rate(prometheus_operator_reconcile_operations_total{${operator}}[5m])) > 0.1`,
      for: '10m',
      severity: 'warning',
      summary: 'Prometheus-Operator fails to reconcile.',
      description:
        "{{ $value | humanizePercentage }} of the {{ $labels.controller }} controller's reconciliations fail: changes to Prometheus, Alertmanager or monitors are not applied.",
    },
    {
      alert: 'PrometheusOperatorNotReady',
      expr: `min by (namespace, controller) (max_over_time(prometheus_operator_ready{${operator}}[5m]) == 0)`,
      for: '5m',
      severity: 'warning',
      summary: 'Prometheus-Operator is not ready.',
      description: 'The {{ $labels.controller }} controller is not ready: it reconciles nothing.',
    },
    {
      alert: 'PrometheusBadConfig',
      expr: `max_over_time(prometheus_config_last_reload_successful{${prometheus}}[5m]) == 0`,
      for: '10m',
      severity: 'critical',
      summary: 'Prometheus failed to reload its configuration.',
      description: '{{ $labels.pod }} runs its last good configuration; new monitors and rules are not applied.',
    },
    {
      alert: 'PrometheusRuleFailures',
      expr: `increase(prometheus_rule_evaluation_failures_total{${prometheus}}[5m]) > 0`,
      for: '15m',
      severity: 'critical',
      summary: 'Prometheus fails to evaluate rules.',
      description:
        '{{ $labels.pod }} failed {{ printf "%.0f" $value }} evaluations of {{ $labels.rule_group }}: its alerts cannot fire.',
    },
    {
      alert: 'PrometheusNotificationsFailing',
      expr: `min without (alertmanager) (rate(prometheus_notifications_errors_total{${prometheus}}[5m]) / rate(prometheus_notifications_sent_total{${prometheus}}[5m])) > 0.03`,
      for: '15m',
      severity: 'critical',
      summary: 'Prometheus cannot send alerts to any Alertmanager.',
      description:
        '{{ $labels.pod }} fails {{ $value | humanizePercentage }} of its alert deliveries to every Alertmanager.',
    },
    {
      alert: 'PrometheusNotConnectedToAlertmanagers',
      expr: `max_over_time(prometheus_notifications_alertmanagers_discovered{${prometheus}}[5m]) < 1`,
      for: '10m',
      severity: 'warning',
      summary: 'Prometheus knows no Alertmanager.',
      description: '{{ $labels.pod }} discovered no Alertmanager: firing alerts go nowhere.',
    },
    {
      alert: 'PrometheusTSDBCompactionsFailing',
      expr: `increase(prometheus_tsdb_compactions_failed_total{${prometheus}}[3h]) > 0`,
      for: '4h',
      severity: 'warning',
      summary: 'Prometheus fails to compact its TSDB.',
      description:
        '{{ $labels.pod }} failed {{ $value }} compactions in 3 hours; its disk fills with uncompacted blocks.',
    },
    {
      alert: 'AlertmanagerFailedReload',
      expr: `max_over_time(alertmanager_config_last_reload_successful{${alertmanager}}[5m]) == 0`,
      for: '10m',
      severity: 'critical',
      summary: 'Alertmanager failed to reload its configuration.',
      description:
        '{{ $labels.pod }} runs its last good configuration: routing changes (new teams, receivers) are not applied.',
    },
    {
      alert: 'AlertmanagerNotificationsFailing',
      expr: `sum by (namespace, integration) (rate(alertmanager_notifications_failed_total{${alertmanager}}[5m]))\n  / sum by (namespace, integration) (rate(alertmanager_notifications_total{${alertmanager}}[5m])) > 0.01`,
      for: '5m',
      severity: 'critical',
      summary: 'Alertmanager fails to deliver notifications.',
      description:
        '{{ $value | humanizePercentage }} of {{ $labels.integration }} notifications fail (a rotated key, a blocked egress).',
    },
    {
      alert: 'AlertmanagerMembersInconsistent',
      expr: `max_over_time(alertmanager_cluster_members{${alertmanager}}[5m])\n  < on (namespace) group_left count by (namespace) (max_over_time(alertmanager_cluster_members{${alertmanager}}[5m]))`,
      for: '15m',
      severity: 'critical',
      summary: 'Alertmanagers do not see each other.',
      description:
        '{{ $labels.pod }} sees {{ $value }} cluster members, fewer than run: notifications may be sent twice and silences lost.',
    },
    ...(thanos
      ? ([
          {
            alert: 'ThanosSidecarPrometheusDown',
            expr: `thanos_sidecar_prometheus_up{${prometheus}} == 0`,
            for: '5m',
            severity: 'critical',
            summary: 'A Thanos sidecar cannot reach its Prometheus.',
            description:
              'The sidecar of {{ $labels.pod }} cannot reach Prometheus: its blocks are not shipped and its data is missing from queries.',
          },
          {
            alert: 'ThanosSidecarUploadFailures',
            expr: `increase(thanos_shipper_upload_failures_total{${prometheus}}[1h]) > 0`,
            for: '1h',
            severity: 'warning',
            summary: 'A Thanos sidecar fails to upload blocks.',
            description:
              'The sidecar of {{ $labels.pod }} failed {{ $value }} block uploads in an hour; blocks older than the retention are lost when Prometheus deletes them.',
          },
        ] satisfies AlertSpec[])
      : []),
  ];
}
