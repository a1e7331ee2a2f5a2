import { type AlertRule, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { MimirConfig } from './config.js';
import { WORKLOAD } from './layout.js';

/**
 * Mimir's own alerts, scoped to this instance's namespace (a cluster may run several Mimirs). Each watches a
 * symptom an operator must act on: failing requests, an unhealthy ring, stalled compaction or block shipping.
 */
export function mimirAlertRules(namespace: string): AlertRule[] {
  const ns = `namespace="${namespace}"`;
  return [
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
  ];
}

/** The PrometheusRule with Mimir's alerts. */
export function alertsPrometheusRule(context: BuildContext<MimirConfig>): IPrometheusRule {
  return prometheusRule(context, 'mimir-alerts', [{ name: 'mimir_alerts', rules: mimirAlertRules(context.namespace) }]);
}
