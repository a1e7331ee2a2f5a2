import type { RemoteValue } from '@platform/external-secrets';
import type { AlertRoutingConfig, Inhibition, PagerProvider } from './config.js';

/** An equality matcher on one label (`severity="critical"`). */
export interface Matcher {
  label: string;
  value: string;
}

/** One notification integration of a receiver; its credential is `secretKey` of the receivers' Secret. */
export type Integration =
  | { kind: PagerProvider; secretKey: string }
  | { kind: 'slack'; channel: string; secretKey: string };

/** A receiver: a name and where it notifies. A receiver without integrations notifies nobody. */
export interface PlanReceiver {
  name: string;
  integrations: Integration[];
}

/** A child of the root route: alerts matching every matcher go to `receiver` (and stop there). */
export interface PlanRoute {
  matchers: Matcher[];
  receiver: string;
}

/**
 * The routing of an environment's alerts, engine-neutral: Alertmanager's route tree (a root with one level of
 * children, first match wins), its receivers, inhibitions and the secret values the receivers need, by key.
 * Both the Alertmanager configuration file and `pnpm check`'s routing rule are derived from it.
 */
export interface RoutingPlan {
  root: { receiver: string; groupBy: string[]; groupWait: string; groupInterval: string; repeatInterval: string };
  routes: PlanRoute[];
  receivers: PlanReceiver[];
  inhibitions: Inhibition[];
  /** Where each secret value comes from in the store, by the key it gets in the receivers' Secret. */
  secrets: Record<string, RemoteValue>;
  sendResolved: boolean;
}

/** The receiver alerts end in when nothing routes them: it notifies nobody, which `pnpm check` reports. */
export const UNROUTED_RECEIVER = 'unrouted';
/** The on-call receiver of critical alerts. */
export const PAGER_RECEIVER = 'on-call';
/** Secret key of the pager's integration key. */
const PAGER_SECRET_KEY = 'pager';

/** The receiver of a team's non-critical alerts. */
export function teamReceiver(team: string): string {
  return `team-${team}`;
}

/** Secret key of a team's Slack webhook: `slack_<team>`, an identifier (`-` → `_`), so templates can say `.slack_<team>`. */
export function slackSecretKey(team: string): string {
  return `slack_${team.replace(/-/g, '_')}`;
}

/** A critical alert mutes the warnings of the same alert in the same cluster and namespace. */
export const BUILT_IN_INHIBITION: Inhibition = {
  source: { severity: 'critical' },
  target: { severity: 'warning' },
  equal: ['alertname', 'cluster', 'namespace'],
};

/**
 * The routing plan of a checked configuration: `severity="critical"` → the pager; `team="<t>"` → team `<t>`'s
 * Slack channel, for each declared team in name order; anything else → {@link UNROUTED_RECEIVER}.
 */
export function routingPlan(config: AlertRoutingConfig): RoutingPlan {
  const teams = Object.keys(config.teams).sort();
  const secrets: Record<string, RemoteValue> = {};
  const receivers: PlanReceiver[] = [{ name: UNROUTED_RECEIVER, integrations: [] }];
  const routes: PlanRoute[] = [];
  if (config.pager) {
    secrets[PAGER_SECRET_KEY] = config.pager.key;
    receivers.push({
      name: PAGER_RECEIVER,
      integrations: [{ kind: config.pager.provider, secretKey: PAGER_SECRET_KEY }],
    });
    routes.push({ matchers: [{ label: 'severity', value: 'critical' }], receiver: PAGER_RECEIVER });
  }
  for (const team of teams) {
    const { channel, webhook } = config.teams[team]!;
    const secretKey = slackSecretKey(team);
    secrets[secretKey] = webhook;
    receivers.push({ name: teamReceiver(team), integrations: [{ kind: 'slack', channel, secretKey }] });
    routes.push({ matchers: [{ label: 'team', value: team }], receiver: teamReceiver(team) });
  }
  return {
    root: {
      receiver: UNROUTED_RECEIVER,
      groupBy: [...config.groupBy],
      groupWait: config.groupWait,
      groupInterval: config.groupInterval,
      repeatInterval: config.repeatInterval,
    },
    routes,
    receivers,
    inhibitions: [BUILT_IN_INHIBITION, ...config.inhibitions],
    secrets,
    sendResolved: config.sendResolved,
  };
}

/**
 * The receiver an alert with these labels reaches, as Alertmanager routes it: the first child route whose
 * matchers all hold (no child continues), else the root's receiver.
 */
export function receiverFor(plan: RoutingPlan, labels: Record<string, string>): PlanReceiver {
  const route = plan.routes.find((r) => r.matchers.every((m) => labels[m.label] === m.value));
  const name = route?.receiver ?? plan.root.receiver;
  return plan.receivers.find((r) => r.name === name)!;
}
