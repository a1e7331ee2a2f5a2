import { describe, expect, it } from 'vitest';
import { dashboard } from './dashboard.js';
import { lazyJson } from './lazy.js';
import { statPanel } from './panels.js';
import { grafanaSdkLoaded } from './sdk.js';

describe('lazy dashboards', () => {
  it('load the Grafana SDK only when a dashboard is first read', () => {
    const built = dashboard({
      uid: 'x',
      title: 'X',
      tags: [],
      rows: [{ panels: [statPanel('Up', 'short', { expr: 'up' })] }],
    });
    expect(grafanaSdkLoaded()).toBe(false);
    expect(Object.keys(built)).toContain('panels');
    expect(grafanaSdkLoaded()).toBe(true);
  });

  it('look like the built object to every reader, and build once', () => {
    let builds = 0;
    const value = lazyJson(() => {
      builds++;
      return { b: 2, a: { c: [1] } };
    });
    expect(builds).toBe(0);
    expect(JSON.stringify(value)).toBe('{"b":2,"a":{"c":[1]}}');
    expect({ ...value }).toEqual({ b: 2, a: { c: [1] } });
    expect('a' in value).toBe(true);
    expect(Object.entries(value).length).toBe(2);
    expect(builds).toBe(1);
    expect(() => {
      (value as { b: number }).b = 3;
    }).toThrow();
  });
});
