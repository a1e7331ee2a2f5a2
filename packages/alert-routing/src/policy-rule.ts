import type { IPrometheusRule, PolicyRule, Provided } from '@platform/core';
import type { AlertRouting } from './capability.js';
import { receiverFor } from './plan.js';

function routingsOf(provided: ReadonlyMap<string, Provided>): AlertRouting[] {
  return [...provided.values()].flatMap((entry) => {
    const value = (entry as { alertRouting?: AlertRouting | AlertRouting[] }).alertRouting;
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  });
}

/**
 * `alert-routing.unrouted`: every alerting rule of every rendered PrometheusRule reaches a receiver that notifies
 * someone, judged by routing its `severity` and `team` labels through the environment's routing plan exactly as
 * Alertmanager routes them. A rule whose team has no channel (and is not critical) would fire unseen.
 *
 * ```ts
 * defineEnvironment({ ..., policy: { rules: [alertRoutingRule] } })
 * ```
 */
export const alertRoutingRule: PolicyRule = {
  id: 'alert-routing.unrouted',
  severity: 'error',
  rationale: 'An alert that routes to no receiver fires without anyone being told.',
  check(rendered, report) {
    const routings = routingsOf(rendered.provided);
    if (routings.length > 1)
      report({
        component: '_environment',
        message: `components ${routings.map((r) => `"${r.component}"`).join(', ')} each declare the alert routing; keep one alertRouting()`,
      });
    const plan = routings[0]?.plan;
    const teams = plan
      ? plan.routes.flatMap((r) => r.matchers.filter((m) => m.label === 'team').map((m) => m.value))
      : [];
    for (const { component, object } of rendered.objects) {
      if (object.kind !== 'PrometheusRule') continue;
      for (const group of (object as IPrometheusRule).spec?.groups ?? []) {
        for (const rule of group.rules ?? []) {
          if (!rule.alert) continue;
          const labels = (rule.labels ?? {}) as Record<string, string>;
          const path = `spec.groups[name=${group.name}].rules[alert=${rule.alert}].labels`;
          if (!plan) {
            report({
              component,
              object,
              path,
              message: `alert "${rule.alert}" has no route: the environment declares no alert routing (compose alertRouting({ pager, teams }))`,
            });
            continue;
          }
          if (receiverFor(plan, labels).integrations.length > 0) continue;
          report({
            component,
            object,
            path,
            message: `alert "${rule.alert}" (severity ${JSON.stringify(labels.severity ?? null)}, team ${JSON.stringify(labels.team ?? null)}) reaches no receiver: only critical alerts page on-call, and the teams with a channel are ${teams.map((t) => `"${t}"`).join(', ') || 'none'}; give the rule one of those teams or declare its team in alertRouting({ teams })`,
          });
        }
      }
    }
  },
};
