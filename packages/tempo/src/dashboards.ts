import type { DashboardSet } from '@platform/core';
import { type DashboardPanel, dashboard, heatmapPanel, logsPanel, timeseriesPanel } from '@platform/dashboards';
import type { TempoConfig } from './config.js';

/**
 * A small overview dashboard of one Tempo instance: what it ingests, how queries fare, how far consumers lag and
 * how many blocks it holds. Written for this package, on raw metrics.
 */
export function overviewDashboard(namespace: string, mode: TempoConfig['mode']): Record<string, unknown> {
  const scope = `namespace="${namespace}"`;
  const consumers: DashboardPanel[] =
    mode === 'microservices'
      ? [
          timeseriesPanel('Kafka consumer lag', 's', [
            { expr: `max by (group) (tempo_ingest_group_partition_lag_seconds{${scope}})`, legend: '{{group}}' },
          ]),
        ]
      : [];
  return dashboard({
    uid: `tempo-overview-${namespace}`.slice(0, 40),
    title: `Tempo / Overview (${namespace})`,
    tags: ['tempo', 'platform'],
    from: 'now-6h',
    rows: [
      {
        panels: [
          timeseriesPanel('Spans received', 'short', [
            {
              expr: `sum by (tenant) (rate(tempo_distributor_spans_received_total{${scope}}[$__rate_interval]))`,
              legend: '{{tenant}}',
            },
          ]),
          timeseriesPanel('Bytes received', 'Bps', [
            {
              expr: `sum by (tenant) (rate(tempo_distributor_bytes_received_total{${scope}}[$__rate_interval]))`,
              legend: '{{tenant}}',
            },
          ]),
        ],
      },
      {
        panels: [
          timeseriesPanel('Query latency p99', 's', [
            {
              expr: `histogram_quantile(0.99, sum by (route, le) (rate(tempo_request_duration_seconds_bucket{${scope}, route=~"api_.*"}[$__rate_interval])))`,
              legend: '{{route}}',
            },
          ]),
          heatmapPanel(
            'Query latency distribution',
            's',
            `tempo_request_duration_seconds_bucket{${scope}, route=~"api_.*"}`,
          ),
          timeseriesPanel('Blocks per tenant', 'short', [
            { expr: `max by (tenant) (tempodb_blocklist_length{${scope}})`, legend: '{{tenant}}' },
          ]),
        ],
      },
      ...(consumers.length > 0 ? [{ panels: consumers }] : []),
      {
        title: 'Logs',
        // Tempo logs logfmt with `level=`.
        panels: [logsPanel('Warnings and errors', `{${scope}} |~ "level=(warn|error)"`)],
      },
    ],
  });
}

/** The dashboards this instance provides to Grafana. */
export function tempoDashboards(component: string, namespace: string, mode: TempoConfig['mode']): DashboardSet {
  return {
    component,
    namespace,
    folder: 'Tempo',
    dashboards: { [`${component}-overview.json`]: overviewDashboard(namespace, mode) },
  };
}
