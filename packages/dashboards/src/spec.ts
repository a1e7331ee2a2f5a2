/** A query and its legend. PromQL for metric panels, LogQL for `logs` panels. */
export interface DashboardQuery {
  expr: string;
  legend?: string;
}

interface PanelBase {
  title: string;
  description?: string;
  /** Width in grid columns (of 24). Default: the row's width shared equally among panels without one. */
  width?: number;
}

/** A time series of one or more PromQL queries. */
export interface TimeseriesPanel extends PanelBase {
  type: 'timeseries';
  queries: DashboardQuery[];
  /** Grafana unit id: `short`, `reqps`, `s`, `percentunit`, `bytes` ... */
  unit: string;
  /** Stack the series. Default false. */
  stacked?: boolean;
}

/** One value (the last of its query). */
export interface StatPanel extends PanelBase {
  type: 'stat';
  queries: [DashboardQuery];
  unit: string;
}

/** One value against a range, coloured by thresholds. */
export interface GaugePanel extends PanelBase {
  type: 'gauge';
  queries: [DashboardQuery];
  unit: string;
  /** Default 0. */
  min?: number;
  /** Default 1 (a ratio). */
  max?: number;
  /**
   * Values at which the gauge turns orange and red. Default 0.8 and 0.9 of `max`. A `critical` below `warning`
   * means lower is worse (days left): red below `critical`, orange up to `warning`, green above.
   */
  thresholds?: { warning: number; critical: number };
}

/** Instant queries as a table, one column per label and one per query (`Value #A` ...). */
export interface TablePanel extends PanelBase {
  type: 'table';
  queries: DashboardQuery[];
  unit: string;
}

/** Log lines of a LogQL query, from the dashboard's logs data source. */
export interface LogsPanel extends PanelBase {
  type: 'logs';
  queries: [DashboardQuery];
}

/** A latency histogram: the rate of a Prometheus histogram's `_bucket` series by `le`, as a heatmap. */
export interface HeatmapPanel extends PanelBase {
  type: 'heatmap';
  queries: [DashboardQuery];
  /** Unit of the buckets (`s` for latencies). */
  unit: string;
}

/** One panel before layout. */
export type DashboardPanel = TimeseriesPanel | StatPanel | GaugePanel | TablePanel | LogsPanel | HeatmapPanel;

/** A row of panels laid out side by side; with a title, under a Grafana row header. */
export interface DashboardRow {
  title?: string;
  panels: DashboardPanel[];
}

/** A whole dashboard. */
export interface DashboardSpec {
  /** Stable id (at most 40 characters): Grafana links and provisioning key on it. */
  uid: string;
  title: string;
  tags: string[];
  rows: DashboardRow[];
  /**
   * A `namespace` variable listing the namespaces that export `metric`, preset to `current`, for queries that
   * select `namespace="$namespace"`. Default none: queries name their namespace.
   */
  namespaceVariable?: {
    metric: string;
    current: string;
    /** Offer "All" and several namespaces at once (queries then select `namespace=~"$namespace"`). Default false. */
    multi?: boolean;
  };
  /**
   * A `cluster` variable over the `cluster` label Alloy puts on everything it ships (several clusters share one
   * store, e.g. the SRE environment's), and every PromQL and LogQL selector of the dashboard scoped to it.
   * Default on, listing the clusters that export `namespaceVariable.metric` (else `up`); `false` for none.
   */
  clusterVariable?: false | { metric: string };
  /** Start of the time range shown. Default `now-1h`. */
  from?: string;
}
