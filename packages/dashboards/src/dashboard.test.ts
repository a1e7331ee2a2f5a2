import { describe, expect, it } from 'vitest';
import { dashboard, statPanel, timeseriesPanel } from './dashboard.js';

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: Array<{ expr: string; refId: string; legendFormat: string }>;
}

describe('dashboard', () => {
  it('lays rows out side by side at equal width, under a row header when the row has a title', () => {
    const model = dashboard({
      uid: 'x',
      title: 'X',
      tags: ['x'],
      rows: [
        {
          title: 'Headlines',
          panels: [statPanel('Up', 'short', { expr: 'up' }), statPanel('Down', 'short', { expr: 'down' })],
        },
        { panels: [timeseriesPanel('Rate', 'reqps', [{ expr: 'a', legend: '{{job}}' }, { expr: 'b' }])] },
      ],
    }) as { panels: Panel[]; time: { from: string }; templating: { list: Array<{ name: string }> } };
    expect(model.panels.map((p) => [p.id, p.type, p.gridPos])).toEqual([
      [1, 'row', { x: 0, y: 0, w: 24, h: 1 }],
      [2, 'stat', { x: 0, y: 1, w: 12, h: 8 }],
      [3, 'stat', { x: 12, y: 1, w: 12, h: 8 }],
      [4, 'timeseries', { x: 0, y: 9, w: 24, h: 8 }],
    ]);
    expect(model.panels[3]!.targets!.map((t) => [t.refId, t.legendFormat])).toEqual([
      ['A', '{{job}}'],
      ['B', '__auto'],
    ]);
    expect(model.time.from).toBe('now-1h');
    expect(model.templating.list.map((v) => v.name)).toEqual(['datasource']);
  });

  it('adds a namespace variable over the namespaces that export a metric', () => {
    const model = dashboard({
      uid: 'x',
      title: 'X',
      tags: [],
      rows: [],
      namespaceVariable: { metric: 'cortex_build_info', current: 'mimir' },
      from: 'now-6h',
    }) as {
      time: { from: string };
      templating: { list: Array<{ name: string; definition?: string; current: unknown }> };
    };
    expect(model.time.from).toBe('now-6h');
    expect(model.templating.list[1]).toMatchObject({
      name: 'namespace',
      definition: 'label_values(cortex_build_info, namespace)',
      current: { text: 'mimir', value: 'mimir' },
    });
  });
});
