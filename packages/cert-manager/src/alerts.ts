import { type AlertRule, type BuildContext, type IPrometheusRule, prometheusRule, runbookUrl } from '@platform/core';
import type { CertManagerConfig } from './config.js';
import { ROOT_CA_NAME } from './issuers.js';

/** Who cert-manager's alerts are routed to. */
const TEAM = 'platform';
/** The page with one runbook section per alert. */
const RUNBOOKS = 'docs/runbooks/cert-manager.md';
/** How long before its expiry the root CA pages: replacing a root means redistributing trust, which takes weeks. */
const CA_WARNING_DAYS = 60;

type Rule = Omit<AlertRule, 'labels' | 'annotations'> & {
  severity: AlertRule['labels']['severity'];
  summary: string;
  description: string;
};

/**
 * Alerts on cert-manager v1.21.1's metrics (pkg/metrics/metrics.go:19-21 `certificate_expiration_timestamp_seconds`,
 * `certificate_renewal_timestamp_seconds`, `certificate_ready_status`; :191 `controller_sync_error_count`) and on
 * the scrape of its webhook (the chart's ServiceMonitor sets `job` from `app.kubernetes.io/name`, `webhook`):
 * a certificate within `alerts.expiryWarningDays` of expiry (renewal has been failing since its renewBefore), the
 * root CA within 60 days of expiry, a renewal overdue, certificates not ready, controller sync errors and the
 * webhook down (every Certificate and Issuer write is then rejected). Not-yet-issued certificates report 0 and are
 * skipped.
 */
export function alerts(context: BuildContext<CertManagerConfig>): IPrometheusRule {
  const { name, namespace, config } = context;
  const warningSeconds = config.alerts.expiryWarningDays * 24 * 3600;
  const rules: Rule[] = [
    {
      alert: 'CertManagerCertificateExpiresSoon',
      expr: `(certmanager_certificate_expiration_timestamp_seconds > 0) - time() < ${warningSeconds}`,
      for: '1h',
      severity: 'warning',
      summary: `Certificate {{ $labels.namespace }}/{{ $labels.name }} expires within ${config.alerts.expiryWarningDays} days`,
      description:
        "cert-manager should have renewed it already; check the Certificate's events and the issuer {{ $labels.issuer_kind }}/{{ $labels.issuer_name }}.",
    },
    {
      alert: 'CertManagerCAExpiresSoon',
      expr: `(certmanager_certificate_expiration_timestamp_seconds{namespace="${namespace}", name="${ROOT_CA_NAME}"} > 0) - time() < ${CA_WARNING_DAYS * 24 * 3600}`,
      for: '1h',
      severity: 'critical',
      summary: `The platform root CA expires within ${CA_WARNING_DAYS} days`,
      description:
        'Every certificate the platform CA issuer signed stops being trusted when it expires; renew it and redistribute the trust bundle now.',
    },
    {
      alert: 'CertManagerCertificateRenewalOverdue',
      expr: 'time() - (certmanager_certificate_renewal_timestamp_seconds > 0) > 3600',
      for: '1h',
      severity: 'warning',
      summary: 'Certificate {{ $labels.namespace }}/{{ $labels.name }} is overdue for renewal',
      description:
        'Its renewal time passed {{ $value | humanizeDuration }} ago and cert-manager has not renewed it; check the CertificateRequest and the issuer.',
    },
    {
      alert: 'CertManagerCertificateNotReady',
      expr: 'max by (namespace, name) (certmanager_certificate_ready_status{condition!="True"}) == 1',
      for: '15m',
      severity: 'warning',
      summary: 'Certificate {{ $labels.namespace }}/{{ $labels.name }} is not ready',
      description: 'The certificate has not been ready for 15 minutes; `kubectl describe certificate` shows why.',
    },
    {
      alert: 'CertManagerControllerSyncErrors',
      expr: `sum by (controller) (rate(certmanager_controller_sync_error_count{namespace="${namespace}"}[10m])) > 0`,
      for: '30m',
      severity: 'warning',
      summary: 'cert-manager controller {{ $labels.controller }} keeps failing to sync',
      description: 'Its reconciles have failed for 30 minutes; the controller logs name the objects and the errors.',
    },
    {
      alert: 'CertManagerWebhookDown',
      expr: `(sum(up{namespace="${namespace}", job="webhook"}) or vector(0)) == 0`,
      for: '10m',
      severity: 'critical',
      summary: 'The cert-manager webhook is down',
      description:
        'The API server calls it for every cert-manager object; while it is down creating or changing Certificates and Issuers fails.',
    },
  ];
  return prometheusRule(context, `${name}-certificates`, [
    {
      name: 'cert-manager-certificates',
      rules: rules.map(({ severity, summary, description, ...rule }) => ({
        ...rule,
        labels: { severity, team: TEAM },
        annotations: { summary, description, runbook_url: runbookUrl(RUNBOOKS, rule.alert) },
      })),
    },
  ]);
}
