import { serialize } from '@platform/core';
import type { Integration, Matcher, RoutingPlan } from './plan.js';

/**
 * Notification texts, in Alertmanager's template language: the alert name and where it fires, then each alert's
 * summary, description and runbook (the annotations every platform alert carries).
 */
const TITLE =
  '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.cluster }} {{ .CommonLabels.namespace }})';
const TEXT =
  '{{ range .Alerts }}*{{ .Annotations.summary }}*\n{{ .Annotations.description }}\n{{ if .Annotations.runbook_url }}<{{ .Annotations.runbook_url }}|Runbook>{{ end }}\n{{ end }}';
const PAGE =
  '{{ .CommonLabels.alertname }} ({{ .CommonLabels.cluster }} {{ .CommonLabels.namespace }}): {{ .CommonAnnotations.summary }}';

/** A placeholder for a secret value in the serialised file: a plain YAML scalar, replaced by a template action. */
function placeholder(secretKey: string): string {
  return `__SECRET_${secretKey}__`;
}

function matchers(list: Matcher[] | Record<string, string>): string[] {
  const entries = Array.isArray(list) ? list.map((m) => [m.label, m.value] as const) : Object.entries(list);
  return entries.map(([label, value]) => `${label}=${JSON.stringify(value)}`);
}

/** One integration as Alertmanager's `<kind>_configs` entry (config/notifiers.go at v0.33.1). */
function integration(entry: Integration, sendResolved: boolean): [string, Record<string, unknown>] {
  const secret = placeholder(entry.secretKey);
  switch (entry.kind) {
    case 'pagerduty':
      return [
        'pagerduty_configs',
        { send_resolved: sendResolved, routing_key: secret, description: PAGE, severity: 'critical' },
      ];
    case 'opsgenie':
      return ['opsgenie_configs', { send_resolved: sendResolved, api_key: secret, message: PAGE, priority: 'P1' }];
    case 'slack':
      return [
        'slack_configs',
        { send_resolved: sendResolved, api_url: secret, channel: entry.channel, title: TITLE, text: TEXT },
      ];
  }
}

/**
 * The Alertmanager configuration file of a plan (field names of `config/config.go` and `config/notifiers.go` at
 * Alertmanager v0.33.1), with a placeholder where each secret value goes.
 */
export function alertmanagerDocument(plan: RoutingPlan): Record<string, unknown> {
  return {
    route: {
      receiver: plan.root.receiver,
      group_by: plan.root.groupBy,
      group_wait: plan.root.groupWait,
      group_interval: plan.root.groupInterval,
      repeat_interval: plan.root.repeatInterval,
      routes: plan.routes.map((r) => ({ receiver: r.receiver, matchers: matchers(r.matchers), continue: false })),
    },
    inhibit_rules: plan.inhibitions.map((i) => ({
      source_matchers: matchers(i.source),
      target_matchers: matchers(i.target),
      equal: i.equal,
    })),
    receivers: plan.receivers.map((receiver) => {
      const configs: Record<string, Record<string, unknown>[]> = {};
      for (const entry of receiver.integrations) {
        const [key, value] = integration(entry, plan.sendResolved);
        (configs[key] ??= []).push(value);
      }
      return { name: receiver.name, ...configs };
    }),
  };
}

/**
 * Text for a Go `text/template` (External Secrets' template engine v2) that prints `text` unchanged: each `{{`
 * and `}}` becomes an action printing it as a string literal, so Alertmanager's own templates survive.
 */
export function escapeGoTemplate(text: string): string {
  return text.replace(/\{\{|\}\}/g, (delimiter) => `{{ "${delimiter}" }}`);
}

/**
 * The configuration file as an External Secrets template (engine v2: Go `text/template` with sprig): every
 * secret value is `{{ .<key> | quote }}`, a double-quoted YAML scalar of the value read from the store; the rest
 * of the file prints as written.
 */
export function alertmanagerConfigTemplate(plan: RoutingPlan): string {
  let text = escapeGoTemplate(serialize(alertmanagerDocument(plan)));
  for (const key of Object.keys(plan.secrets)) text = text.replaceAll(placeholder(key), `{{ .${key} | quote }}`);
  return text;
}
