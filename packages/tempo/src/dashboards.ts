import type { DashboardSet } from '@platform/core';
import type { TempoConfig } from './config.js';

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
 * A small overview dashboard of one Tempo instance: what it ingests, how queries fare, how far consumers lag and
 * how many blocks it holds. Written for this package, on raw metrics.
 */
export function overviewDashboard(namespace: string, mode: TempoConfig['mode']): Record<string, unknown> {
  const scope = `namespace="${namespace}"`;
  const panels = [
    panel(1, 'Spans received', 'short', [{ expr: `sum by (tenant) (rate(tempo_distributor_spans_received_total{${scope}}[$__rate_interval]))`, legend: '{{tenant}}' }], { x: 0, y: 0 }),
    panel(2, 'Bytes received', 'Bps', [{ expr: `sum by (tenant) (rate(tempo_distributor_bytes_received_total{${scope}}[$__rate_interval]))`, legend: '{{tenant}}' }], { x: 12, y: 0 }),
    panel(3, 'Query latency p99', 's', [{ expr: `histogram_quantile(0.99, sum by (route, le) (rate(tempo_request_duration_seconds_bucket{${scope}, route=~"api_.*"}[$__rate_interval])))`, legend: '{{route}}' }], { x: 0, y: 8 }),
    panel(4, 'Blocks per tenant', 'short', [{ expr: `max by (tenant) (tempodb_blocklist_length{${scope}})`, legend: '{{tenant}}' }], { x: 12, y: 8 }),
  ];
  if (mode === 'microservices') {
    panels.push(panel(5, 'Kafka consumer lag', 's', [{ expr: `max by (group) (tempo_ingest_group_partition_lag_seconds{${scope}})`, legend: '{{group}}' }], { x: 0, y: 16 }));
  }
  return {
    uid: `tempo-overview-${namespace}`.slice(0, 40),
    title: `Tempo / Overview (${namespace})`,
    tags: ['tempo', 'platform'],
    schemaVersion: 39,
    editable: false,
    time: { from: 'now-6h', to: 'now' },
    templating: { list: [{ name: 'datasource', label: 'Metrics', type: 'datasource', query: 'prometheus' }] },
    panels,
  };
}

/** The dashboards this instance provides to Grafana. */
export function tempoDashboards(component: string, namespace: string, mode: TempoConfig['mode']): DashboardSet {
  return { component, namespace, folder: 'Tempo', dashboards: { [`${component}-overview.json`]: overviewDashboard(namespace, mode) } };
}
