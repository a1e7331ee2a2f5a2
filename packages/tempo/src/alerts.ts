import {
  type AlertRule,
  type BuildContext,
  type IPrometheusRule,
  ownedAlertRules,
  prometheusRule,
  type UnownedAlertRule,
  volumeAlerts,
} from '@platform/core';
import type { TempoConfig } from './config.js';

/** Who Tempo's alerts are routed to. */
const TEAM = 'observability';
/** The page with one runbook section per alert. */
const RUNBOOKS = 'docs/runbooks/tempo.md';

/**
 * Tempo's key alerts, after the upstream tempo-mixin (thresholds included), scoped to this instance's namespace:
 * failing compactions and blocklist polls in every mode, Kafka consumer lag and unhealthy live-stores in
 * microservices mode, and full volumes.
 */
export function alertRules(namespace: string, mode: TempoConfig['mode']): AlertRule[] {
  const scope = `namespace="${namespace}"`;
  const rules: UnownedAlertRule[] = [
    {
      alert: 'TempoCompactionsFailing',
      expr: `sum(increase(tempodb_compaction_errors_total{${scope}}[1h])) > 2 and sum(increase(tempodb_compaction_errors_total{${scope}}[5m])) > 0`,
      for: '1h',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Tempo compactions are failing.',
        description: 'More than 2 compactions failed in the past hour; blocks pile up and retention may lag.',
      },
    },
    {
      alert: 'TempoPollsFailing',
      expr: `sum(increase(tempodb_blocklist_poll_errors_total{${scope}}[1h])) > 2 and sum(increase(tempodb_blocklist_poll_errors_total{${scope}}[5m])) > 0`,
      for: '0s',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Tempo cannot poll its blocklist.',
        description: 'More than 2 blocklist polls failed in the past hour; queries miss new blocks.',
      },
    },
  ];
  const complete = (list: UnownedAlertRule[]): AlertRule[] => [
    ...ownedAlertRules(list, TEAM, RUNBOOKS),
    ...volumeAlerts(namespace, TEAM),
  ];
  if (mode === 'monolithic') return complete(rules);
  return complete([
    ...rules,
    {
      alert: 'TempoLiveStoreUnhealthy',
      expr: `max(tempo_ring_members{${scope}, name="live-store", state="Unhealthy"}) > 0`,
      for: '15m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Tempo has unhealthy live-stores.',
        description:
          '{{ printf "%.0f" $value }} live-store(s) are unhealthy in the ring; recent traces may be missing from queries.',
      },
    },
    {
      alert: 'TempoBlockBuilderPartitionLagCritical',
      expr: `max by (partition) (avg_over_time(tempo_ingest_group_partition_lag_seconds{${scope}, group="block-builder"}[6m])) > 300`,
      for: '5m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Tempo block-builders lag behind Kafka.',
        description:
          'Partition {{ $labels.partition }} is {{ humanizeDuration $value }} behind; traces reach object storage late.',
      },
    },
    {
      alert: 'TempoLiveStorePartitionLagCritical',
      expr: `max by (partition, group) (avg_over_time(tempo_ingest_group_partition_lag_seconds{${scope}, group=~"live-store.*"}[6m])) > 1200`,
      for: '5m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'A Tempo live-store lags behind Kafka.',
        description:
          '{{ $labels.group }} is {{ humanizeDuration $value }} behind on partition {{ $labels.partition }}; recent traces are not queryable there.',
      },
    },
  ]);
}

/** The PrometheusRule carrying {@link alertRules}. */
export function alertsPrometheusRule(context: BuildContext<TempoConfig>): IPrometheusRule {
  return prometheusRule(context, 'tempo-alerts', [
    { name: 'tempo_alerts', rules: alertRules(context.namespace, context.config.mode) },
  ]);
}
