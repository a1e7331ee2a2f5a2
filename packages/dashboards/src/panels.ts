import type {
  DashboardQuery,
  GaugePanel,
  HeatmapPanel,
  LogsPanel,
  StatPanel,
  TablePanel,
  TimeseriesPanel,
} from './spec.js';

type Options = { description?: string; width?: number };

/** A time series panel. */
export function timeseriesPanel(
  title: string,
  unit: string,
  queries: DashboardQuery[],
  options: Options & { stacked?: boolean } = {},
): TimeseriesPanel {
  return { type: 'timeseries', title, unit, queries, ...options };
}

/** A single-value panel. */
export function statPanel(title: string, unit: string, query: DashboardQuery, options: Options = {}): StatPanel {
  return { type: 'stat', title, unit, queries: [query], ...options };
}

/** A gauge of one value between `min` (default 0) and `max` (default 1). */
export function gaugePanel(
  title: string,
  unit: string,
  query: DashboardQuery,
  options: Options & Pick<GaugePanel, 'min' | 'max' | 'thresholds'> = {},
): GaugePanel {
  return { type: 'gauge', title, unit, queries: [query], ...options };
}

/** A table of instant queries, joined on their labels. */
export function tablePanel(title: string, unit: string, queries: DashboardQuery[], options: Options = {}): TablePanel {
  return { type: 'table', title, unit, queries, ...options };
}

/** A logs panel of one LogQL query. */
export function logsPanel(title: string, query: string, options: Options = {}): LogsPanel {
  return { type: 'logs', title, queries: [{ expr: query }], ...options };
}

/**
 * A heatmap of a Prometheus histogram: `metric` is the `_bucket` series with its selector
 * (`cortex_request_duration_seconds_bucket{job="x"}`), summed by `le` over `$__rate_interval`.
 */
export function heatmapPanel(title: string, unit: string, bucketSelector: string, options: Options = {}): HeatmapPanel {
  return {
    type: 'heatmap',
    title,
    unit,
    queries: [{ expr: `sum by (le) (rate(${bucketSelector}[$__rate_interval]))`, legend: '{{le}}' }],
    ...options,
  };
}
