/**
 * A small builder of Grafana dashboards (JSON model, schema version 39) that components publish through the
 * `dashboards` capability: rows of time-series and stat panels over one Prometheus data source chosen by a
 * `datasource` variable, optionally scoped by a `namespace` variable.
 */

/** A PromQL query and its legend. */
export interface DashboardQuery {
  expr: string;
  legend?: string;
}

/** One panel before layout. */
export interface DashboardPanel {
  title: string;
  description?: string;
  type: 'timeseries' | 'stat';
  queries: DashboardQuery[];
  /** Grafana unit id: `short`, `reqps`, `s`, `percentunit`, `bytes` ... */
  unit: string;
  /** Stack the series (time series only). */
  stacked?: boolean;
}

/** A row of panels, laid out side by side at equal width; with a title, under a Grafana row header. */
export interface DashboardRow {
  title?: string;
  panels: DashboardPanel[];
}

/** A whole dashboard. */
export interface DashboardSpec {
  /** Stable id: Grafana links and provisioning key on it. */
  uid: string;
  title: string;
  tags: string[];
  rows: DashboardRow[];
  /**
   * A `namespace` variable listing the namespaces that export `metric`, preset to `current`, for queries that
   * select `namespace="$namespace"`. Default none: queries name their namespace.
   */
  namespaceVariable?: { metric: string; current: string };
  /** Start of the time range shown. Default `now-1h`. */
  from?: string;
}

const GRID_WIDTH = 24;
const PANEL_HEIGHT = 8;
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

/** A time series panel. */
export function timeseriesPanel(
  title: string,
  unit: string,
  queries: DashboardQuery[],
  options: { description?: string; stacked?: boolean } = {},
): DashboardPanel {
  return { title, type: 'timeseries', unit, queries, ...options };
}

/** A single-value panel. */
export function statPanel(
  title: string,
  unit: string,
  query: DashboardQuery,
  options: { description?: string } = {},
): DashboardPanel {
  return { title, type: 'stat', unit, queries: [query], ...options };
}

function panelJson(
  panel: DashboardPanel,
  id: number,
  gridPos: { x: number; y: number; w: number; h: number },
): Record<string, unknown> {
  const custom =
    panel.type === 'timeseries'
      ? {
          drawStyle: 'line',
          lineWidth: 1,
          fillOpacity: panel.stacked ? 40 : 10,
          showPoints: 'never',
          stacking: { mode: panel.stacked ? 'normal' : 'none', group: 'A' },
        }
      : {};
  return {
    id,
    type: panel.type,
    title: panel.title,
    ...(panel.description ? { description: panel.description } : {}),
    datasource: DATASOURCE,
    gridPos,
    targets: panel.queries.map((query, index) => ({
      datasource: DATASOURCE,
      expr: query.expr,
      legendFormat: query.legend ?? '__auto',
      range: true,
      refId: String.fromCharCode(65 + index),
    })),
    fieldConfig: { defaults: { unit: panel.unit, custom }, overrides: [] },
    options:
      panel.type === 'timeseries'
        ? {
            legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
            tooltip: { mode: 'multi', sort: 'desc' },
          }
        : {
            reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
            colorMode: 'value',
            graphMode: 'area',
          },
  };
}

/** A dashboard: every row is an optional Grafana row header followed by its panels, side by side at equal width. */
export function dashboard(spec: DashboardSpec): Record<string, unknown> {
  const panels: Array<Record<string, unknown>> = [];
  let y = 0;
  let id = 1;
  for (const row of spec.rows) {
    if (row.title !== undefined) {
      panels.push({
        id: id++,
        type: 'row',
        title: row.title,
        collapsed: false,
        gridPos: { x: 0, y, w: GRID_WIDTH, h: 1 },
        panels: [],
      });
      y += 1;
    }
    const width = Math.floor(GRID_WIDTH / row.panels.length);
    row.panels.forEach((panel, index) => {
      panels.push(panelJson(panel, id++, { x: index * width, y, w: width, h: PANEL_HEIGHT }));
    });
    y += PANEL_HEIGHT;
  }
  const namespace = spec.namespaceVariable;
  return {
    uid: spec.uid,
    title: spec.title,
    tags: spec.tags,
    editable: false,
    graphTooltip: 1,
    schemaVersion: 39,
    time: { from: spec.from ?? 'now-1h', to: 'now' },
    refresh: '30s',
    timezone: '',
    templating: {
      list: [
        { name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus', current: {}, hide: 0 },
        ...(namespace
          ? [
              {
                name: 'namespace',
                label: 'Namespace',
                type: 'query',
                datasource: DATASOURCE,
                query: { query: `label_values(${namespace.metric}, namespace)`, refId: 'namespace' },
                definition: `label_values(${namespace.metric}, namespace)`,
                current: { text: namespace.current, value: namespace.current },
                refresh: 2,
                hide: 0,
              },
            ]
          : []),
      ],
    },
    annotations: { list: [] },
    panels,
  };
}
