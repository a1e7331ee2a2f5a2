import type { ComponentContext, DashboardSet } from '@platform/core';
import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';
import type { PrometheusConfig } from './config.js';

/** "Prometheus": targets, ingestion, rule evaluation, alert delivery and the TSDB, per replica of this namespace. */
export function prometheusDashboards({ name, namespace }: ComponentContext<PrometheusConfig>): DashboardSet {
  const ns = 'namespace="$namespace"';
  const board = dashboard({
    uid: `platform-${name}`.slice(0, 40),
    title: 'Prometheus',
    tags: ['prometheus', 'platform'],
    namespaceVariable: { metric: 'prometheus_build_info', current: namespace },
    rows: [
      {
        title: 'Headlines',
        panels: [
          statPanel('Targets down', 'short', { expr: 'count(up == 0) or vector(0)' }),
          statPanel('Head series', 'short', { expr: `max(prometheus_tsdb_head_series{${ns}})` }),
          statPanel('Firing alerts', 'short', { expr: 'count(ALERTS{alertstate="firing"}) or vector(0)' }),
        ],
      },
      {
        title: 'Ingestion and rules',
        panels: [
          timeseriesPanel('Samples appended', 'short', [
            {
              expr: `sum by (pod) (rate(prometheus_tsdb_head_samples_appended_total{${ns}}[$__rate_interval]))`,
              legend: '{{pod}}',
            },
          ]),
          timeseriesPanel('Rule evaluation failures', 'short', [
            {
              expr: `sum by (pod, rule_group) (rate(prometheus_rule_evaluation_failures_total{${ns}}[$__rate_interval]))`,
              legend: '{{pod}} {{rule_group}}',
            },
          ]),
          timeseriesPanel('Alert notifications failing', 'percentunit', [
            {
              expr: `sum by (pod) (rate(prometheus_notifications_errors_total{${ns}}[$__rate_interval])) / sum by (pod) (rate(prometheus_notifications_sent_total{${ns}}[$__rate_interval]))`,
              legend: '{{pod}}',
            },
          ]),
        ],
      },
    ],
  });
  return { component: name, namespace, folder: 'Platform', dashboards: { 'prometheus.json': board } };
}
