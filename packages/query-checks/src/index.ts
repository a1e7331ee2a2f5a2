/**
 * @platform/query-checks: policy rules that parse every PromQL, LogQL and TraceQL expression of a rendered
 * environment with the upstream grammars, and require the routing labels and on-call annotations of every alert.
 */
import type { PolicyRule } from '@platform/core';
import { alertFieldsRule } from './alert-rules.js';
import { logqlSyntaxRule, promqlSyntaxRule, traceqlSyntaxRule } from './query-rules.js';

export { alertFieldsRule } from './alert-rules.js';
export { type DashboardQuery, queriesOf, renderedDashboardQueries } from './dashboard-queries.js';
export { firstSyntaxError, LANGUAGE_NAMES, type QueryLanguage } from './grammars.js';
export { logqlSyntaxRule, promqlSyntaxRule, traceqlSyntaxRule } from './query-rules.js';
export { type LocatedRule, QUERY_LANGUAGE_LABEL, renderedRules } from './rule-expressions.js';
export { type SyntaxProblem, syntaxProblem } from './syntax.js';

/** The rules to add to `pnpm check` (`runPolicies(rendered, { rules: queryCheckRules })` or `policy.rules`). */
export const queryCheckRules: PolicyRule[] = [promqlSyntaxRule, logqlSyntaxRule, traceqlSyntaxRule, alertFieldsRule];
