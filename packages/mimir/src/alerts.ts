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
import type { MimirConfig } from './config.js';
import { WORKLOAD } from './layout.js';

/** Who Mimir's alerts are routed to. */
const TEAM = 'observability';
/** The page with one runbook section per alert. */
const RUNBOOKS = 'docs/runbooks/mimir.md';

/**
 * Mimir's own alerts, scoped to this instance's namespace (a cluster may run several Mimirs). Each watches a
 * symptom an operator must act on: failing requests, an unhealthy ring, failing or stalled compaction, block
 * shipping, the ruler failing to evaluate or write, full volumes and evicting caches (after the mimir-mixin,
 * operations/mimir-mixin/alerts/alerts.libsonnet).
 */
export function mimirAlertRules(namespace: string): AlertRule[] {
  const ns = `namespace="${namespace}"`;
  const rules: UnownedAlertRule[] = [
    {
      alert: 'MimirRequestErrors',
      expr: `100 * sum by (job, route) (rate(cortex_request_duration_seconds_count{${ns}, status_code=~"5..", route!~"ready|metrics"}[5m]))\n  / sum by (job, route) (rate(cortex_request_duration_seconds_count{${ns}, route!~"ready|metrics"}[5m])) > 1`,
      for: '15m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Mimir requests are failing.',
        description:
          '{{ $labels.job }} route {{ $labels.route }} answers {{ printf "%.2f" $value }}% of requests with 5xx errors.',
      },
    },
    {
      alert: 'MimirRequestLatency',
      expr: `histogram_quantile(0.99, sum by (le, job, route) (rate(cortex_request_duration_seconds_bucket{${ns}, route!~"ready|metrics|/frontend.Frontend/Process|/schedulerpb.SchedulerForFrontend/FrontendLoop|/schedulerpb.SchedulerForQuerier/QuerierLoop"}[5m]))) > 2.5`,
      for: '15m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'Mimir requests are slow.',
        description:
          '{{ $labels.job }} route {{ $labels.route }} has a 99th percentile latency of {{ printf "%.2f" $value }}s.',
      },
    },
    {
      alert: 'MimirIngesterUnhealthy',
      expr: `min(cortex_ring_members{${ns}, name="${WORKLOAD.ingester}", state="Unhealthy"}) > 0`,
      for: '15m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Ingesters are unhealthy in the ring.',
        description:
          '{{ printf "%f" $value }} ingester(s) stopped heartbeating to the ring; writes fail once a series loses its quorum.',
      },
    },
    {
      alert: 'MimirCompactorHasNotSuccessfullyRunCompaction',
      expr: `(time() - cortex_compactor_last_successful_run_timestamp_seconds{${ns}} > 60 * 60 * 24)\n  and (cortex_compactor_last_successful_run_timestamp_seconds{${ns}} > 0)`,
      for: '1h',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'The compactor has not compacted blocks for a day.',
        description:
          'Compactor {{ $labels.pod }} last completed a compaction run more than 24 hours ago; queries get slower and retention is not applied.',
      },
    },
    {
      alert: 'MimirIngesterHasUnshippedBlocks',
      expr: `(time() - cortex_ingester_oldest_unshipped_block_timestamp_seconds{${ns}} > 3600)\n  and (cortex_ingester_oldest_unshipped_block_timestamp_seconds{${ns}} > 0)`,
      for: '15m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'An ingester cannot ship blocks to object storage.',
        description:
          "Ingester {{ $labels.pod }} compacted a block {{ $value | humanizeDuration }} ago that is not in object storage yet; it exists only on the ingester's disk.",
      },
    },
    {
      alert: 'MimirSchedulerQueriesStuck',
      expr: `sum by (pod) (min_over_time(cortex_query_scheduler_queue_length{${ns}}[1m])) > 0`,
      for: '7m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Queries are stuck in the query-scheduler queue.',
        description: '{{ $value }} queries wait in {{ $labels.pod }}; queriers are not picking them up.',
      },
    },
    {
      alert: 'MimirCompactorFailing',
      expr: `sum by (pod) (increase(cortex_compactor_runs_failed_total{${ns}}[2h])) >= 2`,
      for: '0s',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Mimir compactor runs are failing.',
        description: 'Compactor {{ $labels.pod }} failed {{ printf "%.0f" $value }} runs in two hours.',
      },
    },
    {
      alert: 'MimirRulerTooManyFailedQueries',
      expr: `100 * sum by (pod) (rate(cortex_ruler_queries_failed_total{${ns}}[5m]))\n  / sum by (pod) (rate(cortex_ruler_queries_total{${ns}}[5m])) > 1`,
      for: '5m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'The Mimir ruler fails to evaluate rules.',
        description:
          'Ruler {{ $labels.pod }} fails {{ printf "%.2f" $value }}% of its rule queries; recording rules and alerts are not evaluated.',
      },
    },
    {
      alert: 'MimirRulerTooManyFailedPushes',
      expr: `100 * sum by (pod) (rate(cortex_ruler_write_requests_failed_total{${ns}}[5m]))\n  / sum by (pod) (rate(cortex_ruler_write_requests_total{${ns}}[5m])) > 1`,
      for: '5m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'The Mimir ruler cannot write recording rule results.',
        description: 'Ruler {{ $labels.pod }} fails {{ printf "%.2f" $value }}% of its writes to the ingesters.',
      },
    },
    {
      alert: 'MimirRulerMissedEvaluations',
      expr: `100 * sum by (pod, rule_group) (rate(cortex_prometheus_rule_group_iterations_missed_total{${ns}}[5m]))\n  / sum by (pod, rule_group) (rate(cortex_prometheus_rule_group_iterations_total{${ns}}[5m])) > 1`,
      for: '5m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'The Mimir ruler misses rule group evaluations.',
        description:
          'Ruler {{ $labels.pod }} misses {{ printf "%.2f" $value }}% of the evaluations of {{ $labels.rule_group }}: the group takes longer than its interval.',
      },
    },
  ];
  return [
    ...ownedAlertRules(rules, TEAM, RUNBOOKS),
    ...volumeAlerts(namespace, TEAM),
    ...memcachedAlerts(namespace, TEAM),
  ];
}

/** The PrometheusRule with Mimir's alerts. */
export function alertsPrometheusRule(context: BuildContext<MimirConfig>): IPrometheusRule {
  return prometheusRule(context, 'mimir-alerts', [{ name: 'mimir_alerts', rules: mimirAlertRules(context.namespace) }]);
}
