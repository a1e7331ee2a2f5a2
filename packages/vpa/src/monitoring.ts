import {
  type AlertRule,
  type BuildContext,
  type IPodMonitor,
  type IPrometheusRule,
  prometheusRule,
  standardLabels,
} from '@platform/core';
import { partPods } from './chart.js';
import type { VpaConfig } from './config.js';

/**
 * The chart has no Service or ServiceMonitor; each part serves metrics on its `prometheus` port
 * (templates/*-deployment.yaml), scraped through a PodMonitor per running part.
 */
export function podMonitors(context: BuildContext<VpaConfig>): Record<string, IPodMonitor> {
  const parts = [
    'recommender',
    ...(context.config.updater.enabled ? ['updater'] : []),
    ...(context.config.admissionController.enabled ? ['admission-controller'] : []),
  ] as const;
  return Object.fromEntries(
    parts.map((part) => [
      `${part.replace(/-/g, '_')}_podmonitor`,
      {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: { name: `vpa-${part}`, namespace: context.namespace, labels: standardLabels(context.name, part) },
        spec: {
          selector: { matchLabels: partPods(part as 'recommender') },
          podMetricsEndpoints: [{ port: 'prometheus', path: '/metrics', interval: '30s' }],
        },
      } satisfies IPodMonitor,
    ]),
  );
}

type Rule = Omit<AlertRule, 'labels' | 'annotations'> & {
  severity: 'warning' | 'critical';
  summary: string;
  description: string;
};

/**
 * The recommender's failure modes, on its metrics (pkg/utils/metrics/recommender/recommender.go at v1.7.1):
 * not running (no recommendations are refreshed), failing to read the resource metrics API (metrics-server),
 * and VPAs that match pods but get no recommendation.
 */
export function alerts(context: BuildContext<VpaConfig>): IPrometheusRule {
  const { team, runbookUrl } = context.config.alerts;
  const rules: Rule[] = [
    {
      alert: 'VpaRecommenderDown',
      expr: 'absent(vpa_recommender_aggregate_container_states_count)',
      for: '15m',
      severity: 'warning',
      summary: 'The VPA recommender reports no metrics',
      description: 'Recommendations are no longer refreshed; the recommender pods are down or not scraped.',
    },
    {
      alert: 'VpaMetricsApiErrors',
      expr: 'sum(rate(vpa_recommender_metric_server_responses{is_error="true"}[10m])) > 0',
      for: '30m',
      severity: 'warning',
      summary: 'The VPA recommender cannot read the resource metrics API',
      description: 'It reads pod usage from metrics.k8s.io (metrics-server); without it recommendations go stale.',
    },
    {
      alert: 'VpaWithoutRecommendation',
      expr: 'sum(vpa_recommender_vpa_objects_count{has_recommendation="false", matches_pods="true"}) > 0',
      for: '2h',
      severity: 'warning',
      summary: 'VerticalPodAutoscalers match pods but have no recommendation',
      description:
        'After two hours every VPA with running pods should have one; look for unsupported targets or configuration.',
    },
  ];
  return prometheusRule(context, `${context.name}-alerts`, [
    {
      name: 'vpa',
      rules: rules.map(({ severity, summary, description, ...rule }) => ({
        ...rule,
        labels: { severity, team },
        annotations: { summary, description, runbook_url: `${runbookUrl}#${rule.alert.toLowerCase()}` },
      })),
    },
  ]);
}
