import { type AlertRule, type BuildContext, type IPrometheusRule, prometheusRule, runbookUrl } from '@platform/core';
import type { LinkerdConfig } from './config.js';

type Rule = Omit<AlertRule, 'labels' | 'annotations'> & {
  severity: 'warning' | 'critical';
  summary: string;
  description: string;
};

/** The team paged for the mesh. */
const TEAM = 'platform';
const RUNBOOK = 'packages/linkerd/README.md';

/**
 * Linkerd's known failure modes, on the series the chart's PodMonitors collect (`linkerd-controller`: the
 * controllers' admin ports with `component` = container; `linkerd-proxy`: every proxy's admin port with
 * `namespace`, `pod`, `deployment` ...; metric names as in linkerd2 edge-26.6.3 `testutil/prommatch/testdata/
 * sampleMetrics.txt`) and on cert-manager's certificate metrics:
 *
 * - a controller without a ready replica: no injection (new pods start unmeshed or not at all), no discovery;
 * - proxies whose certificate is not being refreshed (it is renewed at 70% of its 24h life): identity or the
 *   issuer is broken, and mTLS fails when it expires;
 * - a trust anchor approaching the end of its life: the rotation in the README must start;
 * - requests refused by policy.
 */
export function alerts(context: BuildContext<LinkerdConfig>): IPrometheusRule {
  const { namespace, config } = context;
  const anchors = config.trustAnchors.map((a) => a.name).join('|');
  const rules: Rule[] = [
    ...(['destination', 'identity', 'proxy-injector'] as const).map(
      (component): Rule => ({
        alert: 'LinkerdControllerDown',
        expr: `absent(up{namespace="${namespace}", component="${component}"} == 1)`,
        for: '5m',
        severity: 'critical',
        summary: `Linkerd's ${component} has no replica up`,
        description:
          component === 'proxy-injector'
            ? 'New pods of meshed namespaces start without a proxy (failurePolicy Ignore) or not at all (Fail).'
            : component === 'identity'
              ? 'Proxies cannot renew their certificates; meshed traffic fails within 24 hours.'
              : 'Proxies get no service discovery or policy updates; new pods cannot become ready.',
      }),
    ),
    {
      alert: 'LinkerdProxyCertificateNotRenewed',
      expr: 'min by (namespace, pod) (identity_cert_expiration_timestamp_seconds) - time() < 6 * 3600',
      for: '15m',
      severity: 'critical',
      summary: 'The Linkerd proxy of {{ $labels.namespace }}/{{ $labels.pod }} has not renewed its certificate',
      description:
        'Proxies renew at 70% of their 24h certificate; with under 6 hours left, identity refuses or cannot be reached, or the issuer is invalid.',
    },
    {
      alert: 'LinkerdTrustAnchorExpiresSoon',
      expr: `certmanager_certificate_expiration_timestamp_seconds{name=~"${anchors}"} - time() < 180 * 86400`,
      for: '1h',
      severity: 'warning',
      summary: 'Linkerd trust anchor {{ $labels.name }} expires within 180 days',
      description:
        'cert-manager renews it with the same key; if renewal is failing, or the key must change, follow the trust anchor rotation runbook now.',
    },
    {
      alert: 'LinkerdInboundRequestsDenied',
      expr: 'sum by (namespace, deployment) (rate(inbound_http_authz_deny_total[5m])) > 0',
      for: '15m',
      severity: 'warning',
      summary: 'Linkerd refuses requests to {{ $labels.namespace }}/{{ $labels.deployment }}',
      description: 'An authorization policy denies inbound requests; a client lost access or lacks mesh identity.',
    },
  ];
  return prometheusRule(context, 'linkerd', [
    {
      name: 'linkerd',
      rules: rules.map(({ severity, summary, description, ...rule }) => ({
        ...rule,
        labels: { severity, team: TEAM },
        annotations: { summary, description, runbook_url: runbookUrl(RUNBOOK, rule.alert) },
      })),
    },
  ]);
}
