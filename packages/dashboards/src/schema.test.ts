import { describe, expect, it } from 'vitest';
import { dashboard } from './dashboard.js';
import { gaugePanel, heatmapPanel, logsPanel, statPanel, tablePanel, timeseriesPanel } from './panels.js';
import { platformDashboards } from './platform/index.js';
import { DASHBOARD_SCHEMA_VERSION } from './schema.js';
import { dashboardTypeErrors } from './schema-check.test-helpers.js';
import { grafanaSdk } from './sdk.js';

const everyPanel = dashboard({
  uid: 'every-panel',
  title: 'Every panel type',
  tags: [],
  namespaceVariable: { metric: 'up', current: 'a' },
  rows: [
    {
      title: 'All',
      panels: [
        timeseriesPanel('T', 's', [{ expr: 'up' }], { stacked: true, description: 'd' }),
        statPanel('S', 'short', { expr: 'up' }),
        gaugePanel('G', 'percentunit', { expr: 'up' }, { thresholds: { warning: 0.5, critical: 0.2 } }),
      ],
    },
    { panels: [tablePanel('Tb', 'short', [{ expr: 'up' }]), heatmapPanel('H', 's', 'x_bucket')] },
    { panels: [logsPanel('L', '{a="b"}')] },
  ],
});

describe('dashboard JSON model', () => {
  it("is the SDK's schema version", () => {
    expect(grafanaSdk().dashboard.defaultDashboard().schemaVersion).toBe(DASHBOARD_SCHEMA_VERSION);
  });

  it("of every panel type and every platform dashboard type-checks as the SDK's Dashboard", () => {
    const documents = [
      { name: 'every-panel', json: everyPanel },
      ...Object.entries(platformDashboards()).map(([name, json]) => ({ name, json })),
    ];
    for (const { json } of documents) expect((json as { schemaVersion: number }).schemaVersion).toBe(42);
    expect(dashboardTypeErrors(documents)).toEqual([]);
  });

  it('catches what Grafana would not read: a misspelt field, a wrong type, an unknown enum value', () => {
    const base = JSON.parse(JSON.stringify(everyPanel));
    const errors = dashboardTypeErrors([
      { name: 'typo', json: { ...base, refersh: '30s' } },
      { name: 'type', json: { ...base, tags: 'x' } },
      {
        name: 'enum',
        json: { ...base, panels: [{ ...base.panels[1], fieldConfig: { defaults: { color: { mode: 'rainbow' } } } }] },
      },
    ]);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^typo: .*"refersh"' does not exist/);
    expect(errors[1]).toMatch(/^type: /);
    expect(errors[2]).toMatch(/^enum: .*"rainbow"/);
  });
});
