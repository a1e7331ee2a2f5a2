import { type AlertRule, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { DeschedulerConfig } from './config.js';

type Rule = Omit<AlertRule, 'labels' | 'annotations'> & {
  severity: 'warning' | 'critical';
  summary: string;
  description: string;
};

/**
 * The descheduler's failure modes, on its metrics (metrics/metrics.go at v0.36.0, `descheduler_pods_evicted_total`
 * by result and strategy): evictions failing for long (usually PodDisruptionBudgets that never allow one, or RBAC),
 * and evictions churning (the descheduler and a node autoscaler undoing each other's placements).
 */
export function alerts(context: BuildContext<DeschedulerConfig>): IPrometheusRule {
  const { team, runbookUrl, evictionsPerHour } = context.config.alerts;
  const rules: Rule[] = [
    {
      alert: 'DeschedulerEvictionsFailing',
      expr: 'sum by (strategy) (rate(descheduler_pods_evicted_total{result="error"}[15m])) > 0',
      for: '1h',
      severity: 'warning',
      summary: 'Descheduler evictions by {{ $labels.strategy }} keep failing',
      description:
        'A PodDisruptionBudget that never allows an eviction, or missing permissions; the cluster stays unbalanced.',
    },
    {
      alert: 'DeschedulerChurn',
      expr: `sum(increase(descheduler_pods_evicted_total{result="success"}[1h])) > ${evictionsPerHour}`,
      for: '2h',
      severity: 'warning',
      summary: `The descheduler evicts more than ${evictionsPerHour} pods an hour`,
      description:
        'It and the node autoscaler (consolidation) may be undoing each other; raise the LowNodeUtilization thresholds or lengthen the interval.',
    },
  ];
  return prometheusRule(context, `${context.name}-alerts`, [
    {
      name: 'descheduler',
      rules: rules.map(({ severity, summary, description, ...rule }) => ({
        ...rule,
        labels: { severity, team },
        annotations: { summary, description, runbook_url: `${runbookUrl}#${rule.alert.toLowerCase()}` },
      })),
    },
  ]);
}
