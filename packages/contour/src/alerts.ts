import { type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { ContourConfig } from './config.js';

interface Alert {
  alert: string;
  expr: string;
  for: string;
  severity: 'warning' | 'critical';
  summary: string;
  description: string;
}

/**
 * Contour's and Envoy's known failure modes: no control plane (Envoy keeps its last configuration but learns
 * nothing new), no Envoy (every route is down), HTTPProxies Contour rejects (v1.33.6 `internal/metrics/metrics.go:70-80`),
 * and backends answering 5xx (Envoy's `upstream_rq_xx` cluster statistic).
 */
export function alerts(context: BuildContext<ContourConfig>): IPrometheusRule {
  const { namespace, config } = context;
  const { team, runbookUrl } = config.alerts;
  const ns = `namespace="${namespace}"`;
  const rules: Alert[] = [
    {
      alert: 'ContourDown',
      expr: `absent(contour_build_info{${ns}})`,
      for: '5m',
      severity: 'critical',
      summary: `No Contour instance in ${namespace} reports metrics`,
      description:
        'Envoy keeps serving its last configuration, but no route, certificate or endpoint change reaches it.',
    },
    {
      alert: 'EnvoyDown',
      expr: `absent(envoy_server_live{${ns}} == 1)`,
      for: '5m',
      severity: 'critical',
      summary: `No live Envoy in ${namespace}`,
      description:
        'Every route of the environment goes through Envoy; check its pods, their xDS connection and certificates.',
    },
    {
      alert: 'ContourInvalidHTTPProxy',
      expr: `sum by (namespace) (contour_httpproxy_invalid{${ns}}) > 0`,
      for: '15m',
      severity: 'warning',
      summary: 'Contour rejects HTTPProxies in {{ $labels.namespace }}',
      description: '`kubectl get httpproxy -A` shows which and why (status); their routes are not served.',
    },
    {
      alert: 'EnvoyUpstreamServerErrors',
      expr: `sum by (envoy_cluster_name) (rate(envoy_cluster_upstream_rq_xx{${ns},envoy_response_code_class="5"}[5m])) / sum by (envoy_cluster_name) (rate(envoy_cluster_upstream_rq_xx{${ns}}[5m])) > 0.05`,
      for: '10m',
      severity: 'warning',
      summary: 'Backend {{ $labels.envoy_cluster_name }} answers more than 5% of requests with 5xx',
      description: 'The backend behind the route fails; check its pods and its own alerts.',
    },
  ];
  return prometheusRule(context, `${context.name}-alerts`, [
    {
      name: 'contour',
      rules: rules.map(({ severity, summary, description, ...rule }) => ({
        ...rule,
        labels: { severity, team },
        annotations: { summary, description, runbook_url: `${runbookUrl}#${rule.alert.toLowerCase()}` },
      })),
    },
  ]);
}
