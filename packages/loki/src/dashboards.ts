import type { DashboardSet } from '@platform/core';
import { dashboard, heatmapPanel, logsPanel, timeseriesPanel } from '@platform/dashboards';

/**
 * A small overview dashboard of one Loki instance: what it ingests, how its requests fare, what ingesters hold.
 * Written for this package (not the upstream mixin) so that it needs no recording rules.
 */
export function overviewDashboard(namespace: string): Record<string, unknown> {
  const scope = `namespace="${namespace}"`;
  return dashboard({
    uid: `loki-overview-${namespace}`.slice(0, 40),
    title: `Loki / Overview (${namespace})`,
    tags: ['loki', 'platform'],
    from: 'now-6h',
    rows: [
      {
        panels: [
          timeseriesPanel('Ingested bytes', 'Bps', [
            {
              expr: `sum by (tenant) (rate(loki_distributor_bytes_received_total{${scope}}[$__rate_interval]))`,
              legend: '{{tenant}}',
            },
          ]),
          timeseriesPanel('Ingested lines', 'short', [
            {
              expr: `sum by (tenant) (rate(loki_distributor_lines_received_total{${scope}}[$__rate_interval]))`,
              legend: '{{tenant}}',
            },
          ]),
        ],
      },
      {
        panels: [
          timeseriesPanel('Requests by status', 'reqps', [
            {
              expr: `sum by (job, status_code) (rate(loki_request_duration_seconds_count{${scope}}[$__rate_interval]))`,
              legend: '{{job}} {{status_code}}',
            },
          ]),
          timeseriesPanel('Request latency p99', 's', [
            {
              expr: `histogram_quantile(0.99, sum by (job, le) (rate(loki_request_duration_seconds_bucket{${scope}}[$__rate_interval])))`,
              legend: '{{job}}',
            },
          ]),
          heatmapPanel('Request latency distribution', 's', `loki_request_duration_seconds_bucket{${scope}}`),
        ],
      },
      {
        panels: [
          timeseriesPanel('Streams in ingesters', 'short', [
            { expr: `sum by (tenant) (loki_ingester_memory_streams{${scope}})`, legend: '{{tenant}}' },
          ]),
          timeseriesPanel('Compactor: last successful compaction', 's', [
            {
              expr: `time() - max(loki_boltdb_shipper_compact_tables_operation_last_successful_run_timestamp_seconds{${scope}} > 0)`,
              legend: 'age',
            },
          ]),
        ],
      },
      {
        title: 'Logs',
        // Loki logs logfmt with `level=`.
        panels: [logsPanel('Warnings and errors', `{${scope}} |~ "level=(warn|error)"`)],
      },
    ],
  });
}

/** The dashboards this instance provides to Grafana. */
export function lokiDashboards(component: string, namespace: string): DashboardSet {
  return {
    component,
    namespace,
    folder: 'Loki',
    dashboards: { [`${component}-overview.json`]: overviewDashboard(namespace) },
  };
}
