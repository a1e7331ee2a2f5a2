import { parseYaml } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { type AlertRoutingConfig, defaults } from './config.js';
import { alertmanagerConfigSecret } from './config-secret.js';
import { executeEsoTemplate } from './eso-engine.test-helpers.js';
import { ROUTING } from './fixtures.test-helpers.js';
import { routingPlan } from './plan.js';

const plan = routingPlan({ ...defaults, ...ROUTING } as AlertRoutingConfig);
const secret = alertmanagerConfigSecret(plan, {
  name: 'alertmanager-config',
  namespace: 'prometheus',
  fileKey: 'alertmanager.yaml',
  store: { name: 'platform-vault', kind: 'ClusterSecretStore' },
  component: 'prometheus',
});
/** What the store returns, with characters YAML and Go templates care about. */
const VALUES = {
  pager: 'R0UT1NG"key\\with: quotes',
  slack_observability: 'https://hooks.slack.com/services/T000/B000/obs',
  slack_data_platform: 'https://hooks.slack.com/services/T000/B000/data',
};

type Config = {
  receivers: Array<{
    name: string;
    pagerduty_configs?: Array<Record<string, string>>;
    slack_configs?: Array<Record<string, string>>;
  }>;
  route: { routes: Array<{ receiver: string }> };
};

describe('the Alertmanager configuration Secret', () => {
  it('reads every receiver key from the store and renders no value', () => {
    expect(secret.spec!.data!.map((d) => [d.secretKey, d.remoteRef])).toEqual([
      ['pager', { key: 'platform/test/pagerduty', property: 'routing-key' }],
      ['slack_data_platform', { key: 'platform/test/slack', property: 'data' }],
      ['slack_observability', { key: 'platform/test/slack', property: 'observability' }],
    ]);
    expect(JSON.stringify(secret)).not.toContain('hooks.slack.com');
  });

  it("becomes, through External Secrets' engine, the configuration file with the store's values in place", () => {
    const template = secret.spec!.target!.template!.data!['alertmanager.yaml']!;
    const config = parseYaml(executeEsoTemplate(template, VALUES)) as Config;
    const receiver = (name: string) => config.receivers.find((r) => r.name === name)!;
    expect(receiver('on-call').pagerduty_configs![0]!.routing_key).toBe(VALUES.pager);
    expect(receiver('team-observability').slack_configs![0]).toMatchObject({
      api_url: VALUES.slack_observability,
      channel: '#observability-alerts',
    });
    // Alertmanager's own notification templates come out as written.
    expect(receiver('team-observability').slack_configs![0]!.title).toBe(
      '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.cluster }} {{ .CommonLabels.namespace }})',
    );
    expect(config.route.routes.map((r) => r.receiver)).toEqual(['on-call', 'team-data-platform', 'team-observability']);
  });

  it('fails in the engine when the store lacks a key (missingkey=error), rather than notifying nobody', () => {
    const template = secret.spec!.target!.template!.data!['alertmanager.yaml']!;
    expect(() => executeEsoTemplate(template, { pager: 'x' })).toThrow(/slack_data_platform/);
  });
});
