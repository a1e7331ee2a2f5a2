import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { scopeToCluster } from './cluster-scope.js';
import { METRICS_DATASOURCE, panelBuilder } from './panel-builders.js';
import type { GrafanaSdk } from './sdk.js';
import type { DashboardPanel, DashboardSpec } from './spec.js';

const GRID_WIDTH = 24;
/** Panel heights in grid units (30 px): log lines and tables need more room than a graph. */
const HEIGHTS: Readonly<Record<DashboardPanel['type'], number>> = {
  timeseries: 8,
  stat: 4,
  gauge: 6,
  table: 8,
  logs: 12,
  heatmap: 8,
};

function scoped(panel: DashboardPanel): DashboardPanel {
  const language = panel.type === 'logs' ? 'logql' : 'promql';
  return {
    ...panel,
    queries: panel.queries.map((q) => ({ ...q, expr: scopeToCluster(language, q.expr) })),
  } as DashboardPanel;
}

/** Widths of a row's panels: explicit ones kept, the rest sharing what is left equally. */
function widths(panels: DashboardPanel[]): number[] {
  const fixed = panels.reduce((sum, p) => sum + (p.width ?? 0), 0);
  const flexible = panels.filter((p) => p.width === undefined).length;
  const share = flexible > 0 ? Math.max(1, Math.floor((GRID_WIDTH - fixed) / flexible)) : 0;
  return panels.map((p) => p.width ?? share);
}

function variables(sdk: GrafanaSdk, spec: DashboardSpec, hasLogs: boolean) {
  const { dashboard } = sdk;
  const list = [new dashboard.DatasourceVariableBuilder('datasource').label('Data source').type('prometheus')];
  if (hasLogs) list.push(new dashboard.DatasourceVariableBuilder('logs_datasource').label('Logs').type('loki'));
  const query = (name: string, label: string, definition: string) =>
    new dashboard.QueryVariableBuilder(name)
      .label(label)
      .datasource(METRICS_DATASOURCE)
      .query({ query: definition, refId: name })
      .definition(definition)
      .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
      .sort(dashboard.VariableSort.AlphabeticalAsc);
  const cluster =
    spec.clusterVariable === false
      ? undefined
      : (spec.clusterVariable?.metric ?? spec.namespaceVariable?.metric ?? 'up');
  const extra = [];
  if (cluster !== undefined)
    extra.push(
      query('cluster', 'Cluster', `label_values(${cluster}, cluster)`)
        .includeAll(true)
        .allValue('.*')
        .current({ text: 'All', value: '$__all' }),
    );
  const namespace = spec.namespaceVariable;
  if (namespace) {
    const metric = cluster !== undefined ? scopeToCluster('promql', namespace.metric) : namespace.metric;
    const variable = query('namespace', 'Namespace', `label_values(${metric}, namespace)`);
    if (namespace.multi) variable.multi(true).includeAll(true).allValue('.+').current({ text: 'All', value: '$__all' });
    else variable.current({ text: namespace.current, value: namespace.current });
    extra.push(variable);
  }
  return [...list, ...extra];
}

/**
 * Builds the Grafana dashboard JSON model of `spec` with the SDK: a `datasource` variable (and `logs_datasource`
 * when a panel shows logs), the `cluster` and `namespace` variables, and the rows laid out top to bottom, each
 * under its row header, panels side by side.
 */
export function buildDashboard(sdk: GrafanaSdk, spec: DashboardSpec): Dashboard {
  const { dashboard } = sdk;
  const panels = spec.rows.flatMap((row) => row.panels);
  const builder = new dashboard.DashboardBuilder(spec.title)
    .uid(spec.uid)
    .tags(spec.tags)
    .readonly()
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .time({ from: spec.from ?? 'now-1h', to: 'now' })
    .refresh('30s')
    .timezone('')
    .variables(
      variables(
        sdk,
        spec,
        panels.some((p) => p.type === 'logs'),
      ),
    );
  let y = 0;
  let id = 1;
  for (const row of spec.rows) {
    if (row.title !== undefined) {
      builder.withRow(new dashboard.RowBuilder(row.title).id(id++).gridPos({ x: 0, y, w: GRID_WIDTH, h: 1 }));
      y += 1;
    }
    const rowPanels = spec.clusterVariable === false ? row.panels : row.panels.map(scoped);
    const rowWidths = widths(rowPanels);
    const height = Math.max(...rowPanels.map((p) => HEIGHTS[p.type]));
    let x = 0;
    rowPanels.forEach((panel, index) => {
      const w = rowWidths[index]!;
      builder.withPanel(panelBuilder(sdk, panel, id++, { x, y, w, h: height }));
      x += w;
    });
    y += height;
  }
  return builder.build();
}
