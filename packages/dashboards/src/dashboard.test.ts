import { describe, expect, it } from 'vitest';
import { dashboard, sdkDashboard } from './dashboard.js';
import { gaugePanel, heatmapPanel, logsPanel, statPanel, tablePanel, timeseriesPanel } from './panels.js';
import { DASHBOARD_SCHEMA_VERSION } from './schema.js';

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { type: string; uid: string };
  targets?: Array<{ expr: string; refId: string; legendFormat?: string; format?: string; instant?: boolean }>;
  fieldConfig?: { defaults: { unit?: string; min?: number; max?: number } };
  options?: Record<string, unknown>;
}
interface Model {
  uid: string;
  schemaVersion: number;
  editable: boolean;
  panels: Panel[];
  time: { from: string };
  templating: { list: Array<{ name: string; type: string; query?: unknown; definition?: string; current?: unknown }> };
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Model;

describe('dashboard', () => {
  it('lays rows out side by side, under a row header when the row has a title', () => {
    const model = json(
      dashboard({
        uid: 'x',
        title: 'X',
        tags: ['x'],
        rows: [
          {
            title: 'Headlines',
            panels: [statPanel('Up', 'short', { expr: 'up' }), statPanel('Down', 'short', { expr: 'down' })],
          },
          {
            panels: [
              timeseriesPanel('Rate', 'reqps', [{ expr: 'a', legend: '{{job}}' }, { expr: 'b' }], { width: 16 }),
              gaugePanel('Full', 'percentunit', { expr: 'c' }),
            ],
          },
        ],
      }),
    );
    expect(model.schemaVersion).toBe(DASHBOARD_SCHEMA_VERSION);
    expect(model.editable).toBe(false);
    expect(model.panels.map((p) => [p.id, p.type, p.gridPos])).toEqual([
      [1, 'row', { x: 0, y: 0, w: 24, h: 1 }],
      [2, 'stat', { x: 0, y: 1, w: 12, h: 4 }],
      [3, 'stat', { x: 12, y: 1, w: 12, h: 4 }],
      [4, 'timeseries', { x: 0, y: 5, w: 16, h: 8 }],
      [5, 'gauge', { x: 16, y: 5, w: 8, h: 8 }],
    ]);
    expect(model.panels[3]!.targets!.map((t) => [t.refId, t.legendFormat])).toEqual([
      ['A', '{{job}}'],
      ['B', '__auto'],
    ]);
    expect(model.panels[4]!.fieldConfig!.defaults).toMatchObject({ unit: 'percentunit', min: 0, max: 1 });
    expect(model.time.from).toBe('now-1h');
  });

  it('has a data source variable, and a cluster variable that every selector is scoped to', () => {
    const model = json(
      dashboard({
        uid: 'x',
        title: 'X',
        tags: [],
        rows: [{ panels: [statPanel('Up', 'short', { expr: 'sum(up{job="a"})' })] }],
      }),
    );
    expect(model.templating.list.map((v) => [v.name, v.type])).toEqual([
      ['datasource', 'datasource'],
      ['cluster', 'query'],
    ]);
    expect(model.templating.list[1]!.definition).toBe('label_values(up, cluster)');
    expect(model.panels[0]!.targets![0]!.expr).toBe('sum(up{cluster=~"$cluster", job="a"})');
    expect(model.panels[0]!.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
    const unscoped = json(
      dashboard({
        uid: 'x',
        title: 'X',
        tags: [],
        clusterVariable: false,
        rows: [{ panels: [statPanel('Up', 'short', { expr: 'up' })] }],
      }),
    );
    expect(unscoped.templating.list.map((v) => v.name)).toEqual(['datasource']);
    expect(unscoped.panels[0]!.targets![0]!.expr).toBe('up');
  });

  it('adds a namespace variable over the namespaces that export a metric, in the chosen cluster', () => {
    const model = json(
      dashboard({
        uid: 'x',
        title: 'X',
        tags: [],
        rows: [],
        namespaceVariable: { metric: 'cortex_build_info', current: 'mimir' },
        from: 'now-6h',
      }),
    );
    expect(model.time.from).toBe('now-6h');
    expect(model.templating.list[1]!.definition).toBe('label_values(cortex_build_info, cluster)');
    expect(model.templating.list[2]).toMatchObject({
      name: 'namespace',
      definition: 'label_values(cortex_build_info{cluster=~"$cluster"}, namespace)',
      current: { text: 'mimir', value: 'mimir' },
    });
  });

  it('builds tables of instant queries, logs on a logs data source and heatmaps of histograms', () => {
    const model = json(
      dashboard({
        uid: 'x',
        title: 'X',
        tags: [],
        rows: [
          {
            panels: [
              tablePanel('Pods', 'short', [{ expr: 'up' }]),
              heatmapPanel('Latency', 's', 'http_request_duration_seconds_bucket{job="a"}'),
            ],
          },
          { panels: [logsPanel('Errors', '{namespace="a"} |= "error"')] },
        ],
      }),
    );
    const [table, heatmap, logs] = model.panels;
    expect(table!.targets![0]).toMatchObject({ instant: true, format: 'table' });
    expect(heatmap!.targets![0]).toMatchObject({
      format: 'heatmap',
      expr: 'sum by (le) (rate(http_request_duration_seconds_bucket{cluster=~"$cluster", job="a"}[$__rate_interval]))',
    });
    expect(heatmap!.options).toMatchObject({ calculate: false, yAxis: { unit: 's' } });
    expect(logs!.datasource).toEqual({ type: 'loki', uid: '${logs_datasource}' });
    expect(logs!.targets![0]!.expr).toBe('{cluster=~"$cluster", namespace="a"} |= "error"');
    expect(logs!.gridPos).toEqual({ x: 0, y: 8, w: 24, h: 12 });
    expect(model.templating.list.map((v) => v.name)).toEqual(['datasource', 'logs_datasource', 'cluster']);
  });

  it('takes dashboards written with the SDK directly', () => {
    const model = json(
      sdkDashboard(({ dashboard: d, timeseries, prometheus }) =>
        new d.DashboardBuilder('Shop')
          .uid('shop')
          .withPanel(
            new timeseries.PanelBuilder().title('Orders').withTarget(new prometheus.DataqueryBuilder().expr('orders')),
          ),
      ),
    );
    expect(model).toMatchObject({ uid: 'shop', schemaVersion: DASHBOARD_SCHEMA_VERSION });
    expect(model.panels[0]!.targets![0]!.expr).toBe('orders');
  });
});
