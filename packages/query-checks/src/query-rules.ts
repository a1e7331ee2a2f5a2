import type { PolicyRule } from '@platform/core';
import { renderedDashboardQueries } from './dashboard-queries.js';
import { LANGUAGE_NAMES, type QueryLanguage } from './grammars.js';
import { renderedRules } from './rule-expressions.js';
import { syntaxProblem } from './syntax.js';

/**
 * One rule per language: every expression of the environment in that language (rule expressions of
 * PrometheusRules and Loki rule kinds, dashboard queries on data sources of that type) parses with the upstream
 * grammar. Dashboard queries are parsed after Grafana's variables are substituted, as Grafana does before it
 * sends them.
 */
function syntaxRule(language: QueryLanguage): PolicyRule {
  const name = LANGUAGE_NAMES[language];
  return {
    id: `queries.${language}`,
    severity: 'error',
    rationale: `${name} is only a string until a ruler or Grafana loads it; a syntax error there is a silent alert or an empty panel.`,
    check(environment, report) {
      for (const located of renderedRules(environment)) {
        if (located.language !== language) continue;
        const expr = located.rule.expr;
        const problem =
          typeof expr === 'string' ? syntaxProblem(language, expr) : { message: `${name} expression missing` };
        if (problem)
          report({
            component: located.component,
            object: located.object,
            path: `${located.path}.expr`,
            message: `${located.name}: ${problem.message}`,
          });
      }
      for (const query of renderedDashboardQueries(environment)) {
        if (query.language !== language) continue;
        const problem = syntaxProblem(language, query.expression, { grafanaVariables: true });
        if (problem)
          report({
            component: query.component,
            object: query.object,
            path: query.path,
            message: `${query.name}: ${problem.message}`,
          });
      }
    },
  };
}

export const promqlSyntaxRule = syntaxRule('promql');
export const logqlSyntaxRule = syntaxRule('logql');
export const traceqlSyntaxRule = syntaxRule('traceql');
