import type { RemoteValue } from '@platform/external-secrets';

/** The on-call paging services a `critical` alert can go to. */
export type PagerProvider = 'pagerduty' | 'opsgenie';

/** The on-call pager: where every `severity: critical` alert goes, whatever its team. */
export interface PagerReceiver {
  /** `pagerduty` (an Events API v2 integration's routing key) or `opsgenie` (an API integration's key). */
  provider: PagerProvider;
  /** Where the integration key is kept in the secret store, e.g. `{ key: 'platform/prod/pagerduty', property: 'routing-key' }`. */
  key: RemoteValue;
}

/** Where one team's alerts go when they are not critical. */
export interface TeamReceiver {
  /** The team's Slack channel, e.g. `#observability-alerts`. */
  channel: string;
  /** Where the channel's incoming-webhook URL is kept in the secret store. */
  webhook: RemoteValue;
}

/** An inhibition: while an alert matching `source` fires, alerts matching `target` with the same `equal` labels are muted. */
export interface Inhibition {
  /** Label values of the muting alert, e.g. `{ alertname: 'KubeNodeNotReady' }`. */
  source: Record<string, string>;
  /** Label values of the muted alerts, e.g. `{ severity: 'warning' }`. */
  target: Record<string, string>;
  /** Labels both must share. */
  equal: string[];
}

/**
 * The environment's alert routing, as declarations: the on-call pager, and per team its Slack channel. Alerts
 * route on their `severity` and `team` labels, which every alert rule of the platform carries: `critical` pages
 * on-call, everything else goes to the channel of the alert's team. Rendered into each Alertmanager of the
 * environment (Prometheus-Operator's and Mimir's), with the keys delivered by External Secrets.
 */
export interface AlertRoutingConfig {
  /** The on-call pager receiving every critical alert. Default none; required. */
  pager?: PagerReceiver;
  /** Teams by the value of their alerts' `team` label (lower-case letters, digits and `-`). Default `{}`; at least one. */
  teams: Record<string, TeamReceiver>;
  /** Labels alerts are grouped by into one notification. Default `['alertname', 'cluster', 'namespace']`. */
  groupBy: string[];
  /** How long to wait for more alerts of a new group before notifying (`group_wait`). Default `30s`. */
  groupWait: string;
  /** How long to wait before notifying about new alerts of a group already notified (`group_interval`). Default `5m`. */
  groupInterval: string;
  /** How long to wait before repeating a notification that is still firing (`repeat_interval`). Default `4h`. */
  repeatInterval: string;
  /**
   * Inhibitions beyond the built-in one (a critical alert mutes the warnings of the same alert name, cluster and
   * namespace). Default `[]`.
   */
  inhibitions: Inhibition[];
  /** Tell receivers when an alert resolves (`send_resolved`). Default true. */
  sendResolved: boolean;
}

export const defaults: AlertRoutingConfig = {
  pager: undefined,
  teams: {},
  groupBy: ['alertname', 'cluster', 'namespace'],
  groupWait: '30s',
  groupInterval: '5m',
  repeatInterval: '4h',
  inhibitions: [],
  sendResolved: true,
};
