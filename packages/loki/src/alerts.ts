import {
  type AlertRule,
  type BuildContext,
  type IPrometheusRule,
  memcachedAlerts,
  ownedAlertRules,
  prometheusRule,
  type UnownedAlertRule,
  volumeAlerts,
} from '@platform/core';
import type { LokiConfig } from './config.js';

/** Who Loki's alerts are routed to. */
const TEAM = 'observability';
/** The page with one runbook section per alert. */
const RUNBOOKS = 'docs/runbooks/loki.md';

/**
 * Loki's key alerts, after the upstream loki-mixin at v3.7.6 (request errors, panics, latency, compactor health,
 * production/loki-mixin/alerts.libsonnet), plus the ingester ring (`loki_ring_members`, dskit ring.go:351 with
 * Loki's `loki_` prefix, pkg/loki/modules.go:272), the ruler (`loki_prometheus_rule_*`,
 * pkg/ruler/base/manager_metrics.go:56,74), full volumes and evicting caches; scoped to this instance's namespace
 * and written against raw metrics so they need no recording rules.
 */
export function alertRules(namespace: string): AlertRule[] {
  const scope = `namespace="${namespace}"`;
  const rules: UnownedAlertRule[] = [
    {
      alert: 'LokiRequestErrors',
      expr: `100 * sum by (job, route) (rate(loki_request_duration_seconds_count{${scope}, status_code=~"5.."}[2m]))\n  / sum by (job, route) (rate(loki_request_duration_seconds_count{${scope}}[2m])) > 10`,
      for: '15m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Loki request error rate is high.',
        description: '{{ $labels.job }} {{ $labels.route }} answers {{ printf "%.2f" $value }}% of requests with 5xx.',
      },
    },
    {
      alert: 'LokiRequestPanics',
      expr: `sum by (job) (increase(loki_panic_total{${scope}}[10m])) > 0`,
      for: '0s',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Loki requests cause panics.',
        description: '{{ $labels.job }} panicked {{ $value }} times in 10 minutes.',
      },
    },
    {
      alert: 'LokiRequestLatency',
      expr: `histogram_quantile(0.99, sum by (job, route, le) (rate(loki_request_duration_seconds_bucket{${scope}, route!~"(?i).*tail.*|/schedulerpb.SchedulerForQuerier/QuerierLoop"}[5m]))) > 1`,
      for: '15m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Loki request latency is high.',
        description:
          '{{ $labels.job }} {{ $labels.route }} has a 99th percentile latency of {{ printf "%.2f" $value }}s.',
      },
    },
    {
      alert: 'LokiTooManyCompactorsRunning',
      expr: `sum(loki_boltdb_shipper_compactor_running{${scope}}) > 1`,
      for: '5m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'More than one Loki compactor is running.',
        description: '{{ printf "%.0f" $value }} compactors have run for 5 minutes; only one may run at a time.',
      },
    },
    {
      alert: 'LokiCompactorHasNotSuccessfullyRunCompaction',
      expr: `min(time() - (loki_boltdb_shipper_compact_tables_operation_last_successful_run_timestamp_seconds{${scope}} > 0)) > 60 * 60 * 3`,
      for: '1h',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Loki compaction has not succeeded for 3 hours.',
        description:
          'The last successful compaction is {{ humanizeDuration $value }} old; retention and deletes are not applied.',
      },
    },
    {
      alert: 'LokiIngesterUnhealthy',
      expr: `min(loki_ring_members{${scope}, name="ingester", state="Unhealthy"}) > 0`,
      for: '15m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Loki ingesters are unhealthy in the ring.',
        description:
          '{{ printf "%.0f" $value }} ingester(s) stopped heartbeating to the ring; pushes fail once a stream loses its quorum.',
      },
    },
    {
      alert: 'LokiRulerFailedEvaluations',
      expr: `sum by (pod, rule_group) (rate(loki_prometheus_rule_evaluation_failures_total{${scope}}[5m])) > 0`,
      for: '10m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'The Loki ruler fails to evaluate rules.',
        description:
          'Ruler {{ $labels.pod }} fails to evaluate rule group {{ $labels.rule_group }}; its alerts and recording rules are not evaluated.',
      },
    },
    {
      alert: 'LokiRulerMissedEvaluations',
      expr: `sum by (pod, rule_group) (rate(loki_prometheus_rule_group_iterations_missed_total{${scope}}[5m])) > 0`,
      for: '15m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'The Loki ruler misses rule group evaluations.',
        description:
          'Ruler {{ $labels.pod }} skips evaluations of {{ $labels.rule_group }}: the group takes longer than its interval.',
      },
    },
  ];
  return [
    ...ownedAlertRules(rules, TEAM, RUNBOOKS),
    ...volumeAlerts(namespace, TEAM),
    ...memcachedAlerts(namespace, TEAM),
  ];
}

/** The PrometheusRule carrying {@link alertRules}. */
export function alertsPrometheusRule(context: BuildContext<LokiConfig>): IPrometheusRule {
  return prometheusRule(context, 'loki-alerts', [{ name: 'loki_alerts', rules: alertRules(context.namespace) }]);
}
