import { renderError, renderForTest } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { alerting, ROUTING, rule } from './fixtures.test-helpers.js';
import { alertRouting, alertRoutingRule } from './index.js';

function unrouted(rendered: Parameters<typeof runPolicies>[0]) {
  return runPolicies(rendered, { rules: [alertRoutingRule] }).findings.filter(
    (f) => f.rule === 'alert-routing.unrouted',
  );
}

describe('alertRouting', () => {
  it('provides the routing plan and renders no pods', async () => {
    const { rendered, objects } = await renderForTest([alertRouting(ROUTING)]);
    expect(Object.values(objects('alert-routing')).filter((o) => o.kind === 'Deployment')).toEqual([]);
    const provided = rendered.provided.get('alert-routing') as { alertRouting: { plan: { routes: unknown[] } } };
    expect(provided.alertRouting.plan.routes).toHaveLength(3);
  });

  it('reports a missing pager, no teams and a bad team name with their paths', async () => {
    const message = await renderError([alertRouting({ teams: { Bad_Team: ROUTING.teams.observability } })]);
    expect(message).toContain('alert-routing › pager: declare the on-call pager');
    expect(message).toContain('alert-routing › teams.Bad_Team: expected a team name');
    expect(await renderError([alertRouting({ pager: ROUTING.pager })])).toContain('teams: declare at least one team');
  });
});

describe('alertRoutingRule', () => {
  it('passes when every alert reaches a receiver', async () => {
    const app = alerting('app', [rule('AppDown', 'critical', 'nobody'), rule('AppSlow', 'warning', 'observability')]);
    const { rendered } = await renderForTest([alertRouting(ROUTING), app]);
    expect(unrouted(rendered)).toEqual([]);
  });

  it('fails a non-critical alert whose team has no channel, naming the rule and the declared teams', async () => {
    const app = alerting('app', [rule('AppSlow', 'warning', 'frontend')]);
    const { rendered } = await renderForTest([alertRouting(ROUTING), app]);
    const findings = unrouted(rendered);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      component: 'app',
      severity: 'error',
      path: 'spec.groups[name=app].rules[alert=AppSlow].labels',
    });
    expect(findings[0]!.message).toContain('team "frontend"');
    expect(findings[0]!.message).toContain('"data-platform", "observability"');
  });

  it('fails every alert of an environment that declares no routing', async () => {
    const { rendered } = await renderForTest([alerting('app', [rule('AppDown', 'critical', 'observability')])]);
    expect(unrouted(rendered).map((f) => f.message)).toEqual([
      'alert "AppDown" has no route: the environment declares no alert routing (compose alertRouting({ pager, teams }))',
    ]);
  });
});
