import { parseYaml as load } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { alertmanagerConfigTemplate, alertmanagerDocument, escapeGoTemplate } from './alertmanager-config.js';
import { type AlertRoutingConfig, defaults } from './config.js';
import { ROUTING } from './fixtures.test-helpers.js';
import { routingPlan } from './plan.js';

const plan = routingPlan({ ...defaults, ...ROUTING } as AlertRoutingConfig);

describe('the Alertmanager configuration', () => {
  it('routes critical alerts to the pager and each team to its channel, first match wins', () => {
    const route = alertmanagerDocument(plan).route as Record<string, unknown>;
    expect(route).toMatchObject({ receiver: 'unrouted', group_by: ['alertname', 'cluster', 'namespace'] });
    expect(route.routes).toEqual([
      { receiver: 'on-call', matchers: ['severity="critical"'], continue: false },
      { receiver: 'team-data-platform', matchers: ['team="data-platform"'], continue: false },
      { receiver: 'team-observability', matchers: ['team="observability"'], continue: false },
    ]);
  });

  it('names the secret values by placeholder only', () => {
    const receivers = alertmanagerDocument(plan).receivers as Array<Record<string, Array<Record<string, unknown>>>>;
    expect(receivers.find((r) => (r.name as unknown) === 'on-call')!.pagerduty_configs![0]!.routing_key).toBe(
      '__SECRET_pager__',
    );
    expect(receivers.find((r) => (r.name as unknown) === 'unrouted')).toEqual({ name: 'unrouted' });
  });

  it('uses opsgenie for an Opsgenie pager', () => {
    const opsgenie = routingPlan({
      ...defaults,
      ...ROUTING,
      pager: { provider: 'opsgenie', key: { key: 'k' } },
    } as AlertRoutingConfig);
    const receivers = alertmanagerDocument(opsgenie).receivers as Array<Record<string, unknown>>;
    expect(receivers.find((r) => r.name === 'on-call')).toMatchObject({
      opsgenie_configs: [{ api_key: '__SECRET_pager__', priority: 'P1' }],
    });
  });

  it("escapes Alertmanager's template delimiters for the External Secrets engine, and nothing else", () => {
    expect(escapeGoTemplate('a {{ .Status }} b')).toBe('a {{ "{{" }} .Status {{ "}}" }} b');
    const template = alertmanagerConfigTemplate(plan);
    expect(template).toContain('routing_key: {{ .pager | quote }}');
    expect(template).toContain('api_url: {{ .slack_observability | quote }}');
    // Outside the actions the text is YAML: with every action removed, it parses as the configuration.
    const withoutActions = template
      .replace(/\{\{ "(\{\{|\}\})" \}\}/g, '$1')
      .replace(/\{\{ \.(\w+) \| quote \}\}/g, '"<$1>"');
    const parsed = load(withoutActions) as {
      receivers: Array<{ name: string; slack_configs?: Array<{ api_url: string; title: string }> }>;
    };
    const slack = parsed.receivers.find((r) => r.name === 'team-observability')!.slack_configs![0]!;
    expect(slack.api_url).toBe('<slack_observability>');
    expect(slack.title).toContain('{{ .CommonLabels.alertname }}');
  });
});
