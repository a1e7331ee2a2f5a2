import { type AlertRule, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { KedaConfig } from './config.js';

type Rule = Omit<AlertRule, 'labels' | 'annotations'> & {
  severity: 'warning' | 'critical';
  summary: string;
  description: string;
};

/**
 * KEDA's known failure modes, on the operator's metrics (pkg/metricscollector/prommetrics.go at v2.20.2): a
 * ScaledObject whose scalers keep failing (it stays at its last size or falls back), a scaler returning
 * errors, a slow scale loop, and a ScaledObject left paused.
 */
export function alerts(context: BuildContext<KedaConfig>): IPrometheusRule {
  const { team, runbookUrl } = context.config.alerts;
  const rules: Rule[] = [
    {
      alert: 'KedaScaledObjectErrors',
      expr: 'sum by (namespace, scaledObject) (rate(keda_scaled_object_errors_total[5m])) > 0',
      for: '10m',
      severity: 'warning',
      summary: 'ScaledObject {{ $labels.namespace }}/{{ $labels.scaledObject }} fails to scale',
      description:
        'KEDA cannot read its triggers: the workload stays at its current size (or its fallback) until they answer again.',
    },
    {
      alert: 'KedaScalerErrors',
      expr: 'sum by (namespace, scaledObject, scaler) (rate(keda_scaler_detail_errors_total[5m])) > 0',
      for: '10m',
      severity: 'warning',
      summary: 'Scaler {{ $labels.scaler }} of {{ $labels.namespace }}/{{ $labels.scaledObject }} returns errors',
      description: 'Usually credentials (TriggerAuthentication), network policy or the metric source being down.',
    },
    {
      alert: 'KedaScaleLoopSlow',
      expr: 'max by (namespace, resource) (keda_internal_scale_loop_latency_seconds) > 30',
      for: '15m',
      severity: 'warning',
      summary: 'KEDA checks {{ $labels.namespace }}/{{ $labels.resource }} more than 30s late',
      description: 'The operator is overloaded or its scalers are slow; scaling decisions lag behind demand.',
    },
    {
      alert: 'KedaScaledObjectPaused',
      expr: 'max by (namespace, scaledObject) (keda_scaled_object_paused) == 1',
      for: '6h',
      severity: 'warning',
      summary: 'ScaledObject {{ $labels.namespace }}/{{ $labels.scaledObject }} has been paused for 6 hours',
      description:
        'Someone paused autoscaling (annotation autoscaling.keda.sh/paused); remove it once the incident is over.',
    },
  ];
  return prometheusRule(context, `${context.name}-alerts`, [
    {
      name: 'keda',
      rules: rules.map(({ severity, summary, description, ...rule }) => ({
        ...rule,
        labels: { severity, team },
        annotations: { summary, description, runbook_url: `${runbookUrl}#${rule.alert.toLowerCase()}` },
      })),
    },
  ]);
}
