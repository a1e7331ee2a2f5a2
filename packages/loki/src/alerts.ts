import { type AlertRule, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { LokiConfig } from './config.js';

/**
 * Loki's key alerts, after the upstream loki-mixin (request errors, panics, latency, compactor health), scoped to
 * this instance's namespace and written against raw metrics so they need no recording rules.
 */
export function alertRules(namespace: string): AlertRule[] {
  const scope = `namespace="${namespace}"`;
  return [
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
  ];
}

/** The PrometheusRule carrying {@link alertRules}. */
export function alertsPrometheusRule(context: BuildContext<LokiConfig>): IPrometheusRule {
  return prometheusRule(context, 'loki-alerts', [{ name: 'loki_alerts', rules: alertRules(context.namespace) }]);
}
