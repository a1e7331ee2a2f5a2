import type { ComponentContext, DashboardSet } from '@platform/core';
import { dashboard, timeseriesPanel } from '@platform/dashboards';
import type { KyvernoConfig } from './config.js';

/** Admission traffic and latency, and the platform policies' results (the PolicyReports' content, as metrics). */
function kyvernoDashboard(namespace: string): Record<string, unknown> {
  const ns = `namespace="${namespace}"`;
  return dashboard({
    uid: `kyverno-${namespace}`,
    title: `Kyverno (${namespace})`,
    tags: ['kyverno', 'policy'],
    rows: [
      {
        title: 'Admission',
        panels: [
          timeseriesPanel('Admission requests', 'reqps', [
            {
              expr: `sum by (request_allowed) (rate(kyverno_admission_requests_total{${ns}}[5m]))`,
              legend: 'allowed={{request_allowed}}',
            },
          ]),
          timeseriesPanel('Review latency p99', 's', [
            {
              expr: `histogram_quantile(0.99, sum by (le) (rate(kyverno_admission_review_duration_seconds_bucket{${ns}}[5m])))`,
              legend: 'p99',
            },
          ]),
        ],
      },
      {
        title: 'Policy results',
        panels: [
          timeseriesPanel(
            'Validation failures by policy',
            'short',
            [
              {
                expr: `sum by (policy_name, execution_cause) (increase(kyverno_validating_policy_results_total{result="fail"}[1h]))`,
                legend: '{{policy_name}} ({{execution_cause}})',
              },
            ],
            { stacked: true },
          ),
          timeseriesPanel(
            'Failures by namespace',
            'short',
            [
              {
                expr: `sum by (resource_namespace) (increase(kyverno_validating_policy_results_total{result="fail"}[1h]))`,
                legend: '{{resource_namespace}}',
              },
            ],
            { stacked: true },
          ),
          timeseriesPanel('Mutations', 'short', [
            {
              expr: `sum by (policy_name, result) (increase(kyverno_mutating_policy_results_total[1h]))`,
              legend: '{{policy_name}} {{result}}',
            },
          ]),
        ],
      },
    ],
  });
}

/** The dashboards Kyverno publishes for Grafana. */
export function kyvernoDashboards(context: ComponentContext<KyvernoConfig>): DashboardSet {
  return {
    component: context.name,
    namespace: context.namespace,
    folder: 'Policy',
    dashboards: { [`kyverno-${context.namespace}.json`]: kyvernoDashboard(context.namespace) },
  };
}
