import { alertRuleProblems, type PolicyRule } from '@platform/core';
import { renderedRules } from './rule-expressions.js';

/**
 * Every alerting rule rendered (the libraries' typed `AlertRule`s and PrometheusRules from anywhere else) carries
 * what routing and on-call need: `severity` and `team` labels, `summary`, `description` and `runbook_url`
 * annotations, and a `for`.
 */
export const alertFieldsRule: PolicyRule = {
  id: 'alerts.required-fields',
  severity: 'error',
  rationale:
    'An alert without severity and team reaches nobody or everybody; without summary, description and runbook nobody knows what to do; without for it flaps.',
  check(environment, report) {
    for (const located of renderedRules(environment)) {
      if (located.rule.alert === undefined) continue;
      const problems = alertRuleProblems(located.rule);
      if (problems.length > 0)
        report({
          component: located.component,
          object: located.object,
          path: located.path,
          message: `${located.name} ${problems.join('; ')}`,
        });
    }
  },
};
