import { describe, expect, it } from 'vitest';
import { chartCondition } from './chart-conditions.js';

describe('chart conditions', () => {
  const gatewayRoutes = '(ternary enableHttpRoutes installGatewayAPI (hasKey Values "enableHttpRoutes"))';
  const defaults = { installGatewayAPI: false };

  it('evaluates ternary and hasKey on the values, as Linkerd gates its Gateway API CRDs', () => {
    expect(chartCondition(gatewayRoutes, {}, defaults)).toBe(false);
    expect(chartCondition(gatewayRoutes, { installGatewayAPI: true }, defaults)).toBe(true);
    expect(chartCondition(gatewayRoutes, { installGatewayAPI: true, enableHttpRoutes: false }, defaults)).toBe(false);
    expect(chartCondition(gatewayRoutes, { enableHttpRoutes: true }, defaults)).toBe(true);
  });

  it('does not guess what it cannot evaluate', () => {
    expect(chartCondition('(hasKey crds "x")', {}, {})).toBeUndefined();
    expect(chartCondition('(or Values)', {}, {})).toBeUndefined();
    expect(chartCondition('(ternary a b)', {}, {})).toBeUndefined();
  });
});
