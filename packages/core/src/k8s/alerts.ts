import type { BuildContext } from '../model/definition.js';
import type { IPrometheusRule } from '../registry/kubernetes-types.js';
import { standardLabels } from './labels.js';

/** How urgent an alert is; the alert routing (Alertmanager receivers) keys on it. */
export type AlertSeverity = 'critical' | 'warning' | 'info';

/** Every severity an alert may carry, most urgent first. */
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ['critical', 'warning', 'info'];

/** Labels every alerting rule carries: the routing tree sends an alert by `team`, pages or not by `severity`. */
export const REQUIRED_ALERT_LABELS = ['severity', 'team'] as const;

/** Annotations every alerting rule carries, so that whoever is notified knows what broke and what to do. */
export const REQUIRED_ALERT_ANNOTATIONS = ['summary', 'description', 'runbook_url'] as const;

/**
 * One Prometheus alerting rule, as typed data: the same declaration is rendered into a PrometheusRule and read by
 * the alert routing (the `team` and `severity` labels), so neither can drift from the other.
 */
export interface AlertRule {
  alert: string;
  /** PromQL (or LogQL, for rules a Loki ruler evaluates). */
  expr: string;
  /** How long the condition must hold before the alert fires, in Prometheus syntax; `0s` fires at once. */
  for: string;
  labels: { severity: AlertSeverity; team: string } & Record<string, string>;
  annotations: {
    summary: string;
    description: string;
    /**
     * Where the runbook of this alert is: a section of a page in the platform repository,
     * `docs/runbooks/<library>.md#<alert in lower case>` or the library README's `#<alert in lower case>`.
     */
    runbook_url: string;
  } & Record<string, string>;
}

/** An alerting rule as a library writes it: its owner's `team` and the runbook link are added by {@link ownedAlertRules}. */
export type UnownedAlertRule = Omit<AlertRule, 'labels' | 'annotations'> & {
  labels: { severity: AlertSeverity };
  annotations: { summary: string; description: string };
};

/** `rules` owned by `team`, each linking to the heading of its own name on the runbook `page` (a repository path). */
export function ownedAlertRules(rules: readonly UnownedAlertRule[], team: string, page: string): AlertRule[] {
  return rules.map((rule) => ({
    ...rule,
    labels: { ...rule.labels, team },
    annotations: { ...rule.annotations, runbook_url: runbookUrl(page, rule.alert) },
  }));
}

/** A named group of alerting rules. */
export interface AlertGroup {
  name: string;
  rules: AlertRule[];
}

/** Where runbooks link to: the platform repository's main branch, as a browser shows it. */
export const RUNBOOK_REPOSITORY_URL = 'https://git.example.com/platform/platform/-/blob/main';

/**
 * The runbook link of an alert: `page` is a repository path (`docs/runbooks/mimir.md`,
 * `packages/contour/README.md`), the anchor is the alert's name in lower case (a Markdown heading `## MimirX`).
 */
export function runbookUrl(page: string, alert: string): string {
  return `${RUNBOOK_REPOSITORY_URL}/${page}#${alert.toLowerCase()}`;
}

/** Who owns a library's alerts, as its `alerts` config names them. */
export interface AlertOwner {
  /** The `team` label: alert routing sends the team's non-critical alerts to its channel. */
  team: string;
  /** The runbook page; each alert links to the heading of its own name (`#<alert in lower case>`). */
  runbookUrl: string;
}

/**
 * A builder of one owner's alerting rules, with the owner's `team`, the alert's `severity` and a runbook link to
 * the alert's heading on the owner's page, so every rule a library writes carries what routing and on-call need.
 */
export function alertRuleBuilder(owner: AlertOwner) {
  return (
    alert: string,
    severity: Exclude<AlertSeverity, 'info'>,
    expr: string,
    forDuration: string,
    summary: string,
    description: string,
  ): AlertRule => ({
    alert,
    expr,
    for: forDuration,
    labels: { severity, team: owner.team },
    annotations: { summary, description, runbook_url: `${owner.runbookUrl}#${alert.toLowerCase()}` },
  });
}

/** What an alerting rule lacks of the required labels, annotations and `for`, one message each; empty when complete. */
export function alertRuleProblems(rule: {
  for?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}): string[] {
  const problems: string[] = [];
  const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  for (const label of REQUIRED_ALERT_LABELS) if (!text(rule.labels?.[label])) problems.push(`has no "${label}" label`);
  const severity = rule.labels?.severity;
  if (text(severity) && !ALERT_SEVERITIES.includes(severity as AlertSeverity))
    problems.push(`has severity "${String(severity)}", expected one of ${ALERT_SEVERITIES.join(', ')}`);
  for (const annotation of REQUIRED_ALERT_ANNOTATIONS)
    if (!text(rule.annotations?.[annotation])) problems.push(`has no "${annotation}" annotation`);
  if (!text(rule.for)) problems.push('has no "for" (write "0s" for an alert that fires at once)');
  return problems;
}

/**
 * The PrometheusRule that carries a component's alerts, in the component's namespace, labelled as its `alerts`
 * part. Render it only when the environment renders monitoring objects (`settings.serviceMonitors`).
 */
export function prometheusRule(
  context: Pick<BuildContext<unknown>, 'name' | 'namespace'>,
  name: string,
  groups: AlertGroup[],
): IPrometheusRule {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name, namespace: context.namespace, labels: standardLabels(context.name, 'alerts') },
    spec: { groups },
  };
}

/**
 * Persistent volumes of a namespace filling up, from the kubelet's `kubelet_volume_stats_*` (labels `namespace`,
 * `persistentvolumeclaim`): a warning at 85% and a page when the last 6 hours predict a full volume within 4 days.
 */
export function volumeAlerts(namespace: string, team: string): AlertRule[] {
  const scope = `namespace="${namespace}"`;
  const runbook = (alert: string) => runbookUrl('docs/runbooks/volumes.md', alert);
  return [
    {
      alert: 'PersistentVolumeFillingUp',
      expr: `max by (namespace, persistentvolumeclaim) (kubelet_volume_stats_used_bytes{${scope}} / kubelet_volume_stats_capacity_bytes{${scope}}) > 0.85`,
      for: '15m',
      labels: { severity: 'warning', team },
      annotations: {
        summary: 'Volume {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} is more than 85% full.',
        description: 'It is {{ $value | humanizePercentage }} full; grow the claim or reduce what the workload keeps.',
        runbook_url: runbook('PersistentVolumeFillingUp'),
      },
    },
    {
      alert: 'PersistentVolumeFullInFourDays',
      expr: `max by (namespace, persistentvolumeclaim) (kubelet_volume_stats_used_bytes{${scope}} / kubelet_volume_stats_capacity_bytes{${scope}}) > 0.5\n  and max by (namespace, persistentvolumeclaim) (predict_linear(kubelet_volume_stats_available_bytes{${scope}}[6h], 4 * 24 * 3600)) < 0`,
      for: '1h',
      labels: { severity: 'critical', team },
      annotations: {
        summary: 'Volume {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} fills up within four days.',
        description: 'At the growth of the last 6 hours it is full within four days; a full volume stops writes.',
        runbook_url: runbook('PersistentVolumeFullInFourDays'),
      },
    },
  ];
}

/**
 * Memcached caches of a namespace (memcached_exporter: `memcached_up`, `memcached_items_evicted_total`): a cache
 * that is down, and one that keeps evicting items before they expire, i.e. is too small for its working set.
 */
export function memcachedAlerts(namespace: string, team: string): AlertRule[] {
  const scope = `namespace="${namespace}"`;
  const runbook = (alert: string) => runbookUrl('docs/runbooks/memcached.md', alert);
  return [
    {
      alert: 'MemcachedDown',
      expr: `max by (namespace, job, pod) (memcached_up{${scope}}) == 0`,
      for: '5m',
      labels: { severity: 'warning', team },
      annotations: {
        summary: 'Memcached {{ $labels.job }} pod {{ $labels.pod }} is down.',
        description: 'Its exporter cannot reach memcached; reads fall through to object storage and get slower.',
        runbook_url: runbook('MemcachedDown'),
      },
    },
    {
      alert: 'MemcachedEvictions',
      expr: `sum by (namespace, job) (rate(memcached_items_evicted_total{${scope}}[10m])) > 10`,
      for: '30m',
      labels: { severity: 'info', team },
      annotations: {
        summary: 'Memcached {{ $labels.job }} evicts items before they expire.',
        description:
          '{{ printf "%.0f" $value }} items per second are evicted for lack of memory; give the cache more memory or replicas.',
        runbook_url: runbook('MemcachedEvictions'),
      },
    },
  ];
}
