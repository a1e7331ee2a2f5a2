import type { KubeObject } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { edited, findingsOf, render, web } from '../test/fixtures.js';

function alertingRule(expr: string, labels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'web-alerts', namespace: 'web' },
    spec: {
      groups: [
        {
          name: 'web',
          rules: [
            {
              alert: 'WebDown',
              expr,
              for: '5m',
              labels,
              annotations: { summary: 'web is down', description: 'no web pod answers', runbook_url: 'https://x/r' },
            },
          ],
        },
      ],
    },
  } as KubeObject;
}

async function renderWith(rule: KubeObject) {
  const rendered = await render([web()]);
  return edited(rendered, (objects) => objects.push({ ...objects[0]!, key: 'web_alerts', object: rule }));
}

describe('the query checks run in every pnpm check', () => {
  it('without an environment adding them: a PromQL syntax error is an error naming the rule', async () => {
    const rendered = await renderWith(alertingRule('sum(rate(up[5m])', { severity: 'critical', team: 'web' }));
    const [finding] = findingsOf(rendered, 'queries.promql');
    expect(finding).toMatchObject({ rule: 'queries.promql', severity: 'error', component: 'web' });
    expect(finding!.message).toContain('WebDown');
  });

  it('and an alert without a team label is an error of alerts.required-fields', async () => {
    const rendered = await renderWith(alertingRule('up == 0', { severity: 'critical' }));
    expect(findingsOf(rendered, 'queries.promql')).toEqual([]);
    expect(
      findingsOf(rendered, 'alerts.required-fields')
        .map((f) => f.message)
        .join('\n'),
    ).toContain('team');
  });
});
