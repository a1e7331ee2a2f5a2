import { type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { CertManagerConfig } from './config.js';

/**
 * Alerts on cert-manager's certificate metrics: one that fires while there is still time to act (a certificate
 * within `alerts.expiryWarningDays` of expiry means renewal has been failing since its renewBefore), and one for
 * certificates that stay not ready. Not-yet-issued certificates report an expiry of 0 and are skipped.
 */
export function alerts(context: BuildContext<CertManagerConfig>): IPrometheusRule {
  const { name, config } = context;
  const warningSeconds = config.alerts.expiryWarningDays * 24 * 3600;
  return prometheusRule(context, `${name}-certificates`, [
    {
      name: 'cert-manager-certificates',
      rules: [
        {
          alert: 'CertManagerCertificateExpiresSoon',
          expr: `(certmanager_certificate_expiration_timestamp_seconds > 0) - time() < ${warningSeconds}`,
          for: '1h',
          labels: { severity: 'warning' },
          annotations: {
            summary:
              'Certificate {{ $labels.namespace }}/{{ $labels.name }} expires within ' +
              `${config.alerts.expiryWarningDays} days`,
            description:
              "cert-manager should have renewed it already; check the Certificate's events and the issuer {{ $labels.issuer_kind }}/{{ $labels.issuer_name }}.",
          },
        },
        {
          alert: 'CertManagerCertificateNotReady',
          expr: 'max by (namespace, name) (certmanager_certificate_ready_status{condition!="True"}) == 1',
          for: '15m',
          labels: { severity: 'warning' },
          annotations: {
            summary: 'Certificate {{ $labels.namespace }}/{{ $labels.name }} is not ready',
            description: 'The certificate has not been ready for 15 minutes; `kubectl describe certificate` shows why.',
          },
        },
      ],
    },
  ]);
}
