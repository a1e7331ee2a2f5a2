import { describe, expect, it } from 'vitest';
import { type AlertRoutingConfig, defaults } from './config.js';
import { ROUTING } from './fixtures.test-helpers.js';
import { PAGER_RECEIVER, receiverFor, routingPlan, teamReceiver, UNROUTED_RECEIVER } from './plan.js';

const plan = routingPlan({ ...defaults, ...ROUTING } as AlertRoutingConfig);

describe('routingPlan', () => {
  it('pages on-call for critical alerts, whatever their team', () => {
    expect(receiverFor(plan, { severity: 'critical', team: 'observability' }).name).toBe(PAGER_RECEIVER);
    expect(receiverFor(plan, { severity: 'critical', team: 'nobody' }).name).toBe(PAGER_RECEIVER);
    expect(receiverFor(plan, { severity: 'critical' }).integrations).toEqual([
      { kind: 'pagerduty', secretKey: 'pager' },
    ]);
  });

  it("sends everything else to the team's channel", () => {
    const receiver = receiverFor(plan, { severity: 'warning', team: 'data-platform' });
    expect(receiver.name).toBe(teamReceiver('data-platform'));
    expect(receiver.integrations).toEqual([
      { kind: 'slack', channel: '#data-alerts', secretKey: 'slack_data_platform' },
    ]);
  });

  it('leaves alerts of an undeclared team, or without one, at a receiver that notifies nobody', () => {
    for (const labels of [{ severity: 'warning', team: 'nobody' }, { severity: 'warning' }] as Record<
      string,
      string
    >[]) {
      const receiver = receiverFor(plan, labels);
      expect(receiver.name).toBe(UNROUTED_RECEIVER);
      expect(receiver.integrations).toEqual([]);
    }
  });

  it('groups by alert name, cluster and namespace, and lets a critical alert mute its warnings', () => {
    expect(plan.root.groupBy).toEqual(['alertname', 'cluster', 'namespace']);
    expect(plan.inhibitions[0]).toEqual({
      source: { severity: 'critical' },
      target: { severity: 'warning' },
      equal: ['alertname', 'cluster', 'namespace'],
    });
  });

  it('reads each receiver key from the store under its own Secret key', () => {
    expect(plan.secrets).toEqual({
      pager: { key: 'platform/test/pagerduty', property: 'routing-key' },
      slack_data_platform: { key: 'platform/test/slack', property: 'data' },
      slack_observability: { key: 'platform/test/slack', property: 'observability' },
    });
  });
});
