import type { KubeObject, RenderedEnvironment } from '@platform/core';
import type { QueryLanguage } from './grammars.js';

/**
 * A label on a PrometheusRule whose expressions are not PromQL: `logql` for rules that Alloy's
 * `loki.rules.kubernetes` loads into Loki's ruler (it reads PrometheusRule objects, like `mimir.rules.kubernetes`
 * does for Mimir's ruler).
 */
export const QUERY_LANGUAGE_LABEL = 'platform.dev/query-language';

/** One rule of a rendered rule object, located. */
export interface LocatedRule {
  component: string;
  object: KubeObject;
  /** `spec.groups[0].rules[3]`. */
  path: string;
  group: string;
  rule: {
    alert?: string;
    record?: string;
    expr?: unknown;
    for?: unknown;
    labels?: Record<string, unknown>;
    annotations?: Record<string, unknown>;
  };
  language: QueryLanguage;
  /** `PrometheusRule "mimir-alerts" group mimir_alerts alert MimirRequestErrors`. */
  name: string;
}

/** The rule kinds whose `spec.groups[].rules[]` hold queries, by `group/kind`, with the language of their queries. */
const RULE_KINDS: Readonly<Record<string, QueryLanguage>> = {
  'monitoring.coreos.com/PrometheusRule': 'promql',
  // Loki Operator's rule kinds, evaluated by Loki's ruler.
  'loki.grafana.com/AlertingRule': 'logql',
  'loki.grafana.com/RecordingRule': 'logql',
};

interface RuleSpec {
  spec?: { groups?: Array<{ name?: string; rules?: LocatedRule['rule'][] }> };
}

/** Every alerting and recording rule the environment renders, PrometheusRules from any component included. */
export function renderedRules(environment: RenderedEnvironment): LocatedRule[] {
  const found: LocatedRule[] = [];
  for (const { component, object } of environment.objects) {
    const group = object.apiVersion?.split('/')[0] ?? '';
    const kindLanguage = RULE_KINDS[`${group}/${object.kind}`];
    if (!kindLanguage) continue;
    const labelled = object.metadata?.labels?.[QUERY_LANGUAGE_LABEL];
    const language: QueryLanguage = labelled === 'logql' || labelled === 'promql' ? labelled : kindLanguage;
    ((object as RuleSpec).spec?.groups ?? []).forEach((ruleGroup, g) => {
      (ruleGroup.rules ?? []).forEach((rule, r) => {
        const what = rule.alert !== undefined ? `alert ${rule.alert}` : `record ${rule.record ?? `#${r}`}`;
        found.push({
          component,
          object,
          path: `spec.groups[${g}].rules[${r}]`,
          group: ruleGroup.name ?? `#${g}`,
          rule,
          language,
          name: `${object.kind} "${object.metadata?.name}" group ${ruleGroup.name ?? `#${g}`} ${what}`,
        });
      });
    });
  }
  return found;
}
