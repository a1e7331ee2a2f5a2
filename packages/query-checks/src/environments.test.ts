import type { RenderedEnvironment } from '@platform/core';
import { describe, expect, it } from 'vitest';
import dev from '../../../environments/dev/index.js';
import prod from '../../../environments/prod/index.js';
import sre from '../../../environments/sre/index.js';
import staging from '../../../environments/staging/index.js';
import { findings } from './findings.test-helpers.js';
import {
  alertFieldsRule,
  logqlSyntaxRule,
  promqlSyntaxRule,
  renderedDashboardQueries,
  renderedRules,
  traceqlSyntaxRule,
} from './index.js';

const environments = { dev, staging, prod, sre };
const renders = new Map<string, Promise<RenderedEnvironment>>();
function render(name: keyof typeof environments): Promise<RenderedEnvironment> {
  // The environments pin different cores, so their `render` methods do not share one `this` type.
  const environment = environments[name] as unknown as { render(): Promise<RenderedEnvironment> };
  if (!renders.has(name)) renders.set(name, environment.render());
  return renders.get(name)!;
}

describe.each(Object.keys(environments) as Array<keyof typeof environments>)('environment %s', (name) => {
  it('has rules and dashboard queries, every query parses and every alert is complete', async () => {
    const rendered = await render(name);
    expect(renderedRules(rendered).length).toBeGreaterThan(10);
    expect(renderedDashboardQueries(rendered).length).toBeGreaterThan(30);
    expect(findings(rendered, [promqlSyntaxRule, logqlSyntaxRule, traceqlSyntaxRule, alertFieldsRule])).toEqual([]);
  });
});
