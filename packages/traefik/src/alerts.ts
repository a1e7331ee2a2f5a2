import { type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { TraefikConfig } from './config.js';

interface Alert {
  alert: string;
  expr: string;
  for: string;
  severity: 'warning' | 'critical';
  summary: string;
  description: string;
}

/**
 * Traefik's known failure modes, on its Prometheus metrics (v3.7.9 `pkg/observability/metrics/prometheus.go:21-58`):
 * no instance scraped (the edge is down, every route with it), backends answering 5xx, and a certificate that
 * Traefik serves close to expiry (cert-manager renewed nothing, or Traefik still serves an old Secret).
 */
export function alerts(context: BuildContext<TraefikConfig>): IPrometheusRule {
  const { namespace, config } = context;
  const { team, runbookUrl, serverErrorRatio, certificateWarningDays } = config.alerts;
  const selector = `namespace="${namespace}"`;
  const rules: Alert[] = [
    {
      alert: 'TraefikDown',
      expr: `absent(traefik_config_reloads_total{${selector}})`,
      for: '5m',
      severity: 'critical',
      summary: `No Traefik instance in ${namespace} reports metrics`,
      description:
        'Every route of the environment goes through Traefik; check its pods, the load balancer and the metrics scraping.',
    },
    {
      alert: 'TraefikBackendServerErrors',
      expr: `sum by (service) (rate(traefik_service_requests_total{${selector},code=~"5.."}[5m])) / sum by (service) (rate(traefik_service_requests_total{${selector}}[5m])) > ${serverErrorRatio}`,
      for: '10m',
      severity: 'warning',
      summary:
        'Traefik service {{ $labels.service }} answers more than ' + `${serverErrorRatio * 100}% of requests with 5xx`,
      description:
        'The backend behind the route fails; check its pods and its own alerts. 502/504 without backend errors mean Traefik cannot reach it (NetworkPolicy, endpoints).',
    },
    {
      alert: 'TraefikServedCertificateExpiresSoon',
      expr: `min by (cn, sans) (traefik_tls_certs_not_after{${selector}}) - time() < ${certificateWarningDays * 86400}`,
      for: '1h',
      severity: 'warning',
      summary: `Traefik serves a certificate for {{ $labels.sans }} that expires within ${certificateWarningDays} days`,
      description:
        "cert-manager renews 30 days before expiry; check the Certificate's events and the issuer, and that the TLSStore names the renewed Secret.",
    },
  ];
  return prometheusRule(context, `${context.name}-alerts`, [
    {
      name: 'traefik',
      rules: rules.map(({ severity, summary, description, ...rule }) => ({
        ...rule,
        labels: { severity, team },
        annotations: { summary, description, runbook_url: `${runbookUrl}#${rule.alert.toLowerCase()}` },
      })),
    },
  ]);
}
