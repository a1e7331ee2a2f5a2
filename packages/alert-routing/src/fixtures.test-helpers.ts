import { type AlertRule, defineComponent, prometheusRule } from '@platform/core';
import type { AlertRoutingConfig } from './config.js';

/** A routing with a PagerDuty pager and two teams. */
export const ROUTING = {
  pager: { provider: 'pagerduty', key: { key: 'platform/test/pagerduty', property: 'routing-key' } },
  teams: {
    observability: {
      channel: '#observability-alerts',
      webhook: { key: 'platform/test/slack', property: 'observability' },
    },
    'data-platform': { channel: '#data-alerts', webhook: { key: 'platform/test/slack', property: 'data' } },
  },
} satisfies Partial<AlertRoutingConfig>;

/** An alert rule with the labels and annotations every platform rule carries. */
export function rule(alert: string, severity: 'warning' | 'critical', team: string): AlertRule {
  return {
    alert,
    expr: 'vector(1)',
    for: '5m',
    labels: { severity, team },
    annotations: { summary: alert, description: alert, runbook_url: `https://runbooks.example.com/${alert}` },
  };
}

/** A component rendering one PrometheusRule with the given rules. */
export function alerting(name: string, rules: AlertRule[]) {
  return defineComponent({
    name,
    tier: 'workloads',
    defaults: {},
    build: (context) => ({ alerts_prometheusrule: prometheusRule(context, `${name}-alerts`, [{ name, rules }]) }),
  })();
}
