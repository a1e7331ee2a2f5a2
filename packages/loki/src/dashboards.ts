import type { DashboardSet } from '@platform/core';

interface Query {
  expr: string;
  legend: string;
}

/** A Grafana time series panel over the dashboard's Prometheus datasource variable. */
function panel(id: number, title: string, unit: string, queries: Query[], position: { x: number; y: number }): Record<string, unknown> {
  return {
    id,
    type: 'timeseries',
    title,
    datasource: { type: 'prometheus', uid: '${datasource}' },
    gridPos: { h: 8, w: 12, x: position.x, y: position.y },
    fieldConfig: { defaults: { unit }, overrides: [] },
    targets: queries.map((query, index) => ({ refId: String.fromCharCode(65 + index), expr: query.expr, legendFormat: query.legend })),
  };
}

/**
 * A small overview dashboard of one Loki instance: what it ingests, how its requests fare, what ingesters hold.
 * Written for this package (not the upstream mixin) so that it needs no recording rules.
 */
export function overviewDashboard(namespace: string): Record<string, unknown> {
  const scope = `namespace="${namespace}"`;
  return {
    uid: `loki-overview-${namespace}`.slice(0, 40),
    title: `Loki / Overview (${namespace})`,
    tags: ['loki', 'platform'],
    schemaVersion: 39,
    editable: false,
    time: { from: 'now-6h', to: 'now' },
    templating: { list: [{ name: 'datasource', label: 'Metrics', type: 'datasource', query: 'prometheus' }] },
    panels: [
      panel(1, 'Ingested bytes', 'Bps', [{ expr: `sum by (tenant) (rate(loki_distributor_bytes_received_total{${scope}}[$__rate_interval]))`, legend: '{{tenant}}' }], { x: 0, y: 0 }),
      panel(2, 'Ingested lines', 'short', [{ expr: `sum by (tenant) (rate(loki_distributor_lines_received_total{${scope}}[$__rate_interval]))`, legend: '{{tenant}}' }], { x: 12, y: 0 }),
      panel(3, 'Requests by status', 'reqps', [{ expr: `sum by (job, status_code) (rate(loki_request_duration_seconds_count{${scope}}[$__rate_interval]))`, legend: '{{job}} {{status_code}}' }], { x: 0, y: 8 }),
      panel(4, 'Request latency p99', 's', [{ expr: `histogram_quantile(0.99, sum by (job, le) (rate(loki_request_duration_seconds_bucket{${scope}}[$__rate_interval])))`, legend: '{{job}}' }], { x: 12, y: 8 }),
      panel(5, 'Streams in ingesters', 'short', [{ expr: `sum by (tenant) (loki_ingester_memory_streams{${scope}})`, legend: '{{tenant}}' }], { x: 0, y: 16 }),
      panel(6, 'Compactor: last successful compaction', 's', [{ expr: `time() - max(loki_boltdb_shipper_compact_tables_operation_last_successful_run_timestamp_seconds{${scope}} > 0)`, legend: 'age' }], { x: 12, y: 16 }),
    ],
  };
}

/** The dashboards this instance provides to Grafana. */
export function lokiDashboards(component: string, namespace: string): DashboardSet {
  return { component, namespace, folder: 'Loki', dashboards: { [`${component}-overview.json`]: overviewDashboard(namespace) } };
}
