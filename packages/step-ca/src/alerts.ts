import { alertRuleBuilder, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { StepCaConfig } from './config.js';
import { EXPORTER, SERVER } from './layout.js';

const DAY = 86400;

/*
 * Metric names as the upstream code builds them: step-ca's `step_ca_x509_signed_total` / `_renewed_total` with
 * labels `provisioner` and `success` ("true"/"false"), internal/metrix/meter.go:143-205 at v0.30.2;
 * x509-certificate-exporter's `x509_cert_not_after` (seconds since the epoch) with `subject_CN` and `filepath`,
 * docs/metrics.md at v4.2.0. prometheus-operator names the job after the scraped Service.
 */

/**
 * Alerts for the CA the platform runs itself: step-ca down or failing to sign, and its root or intermediate
 * approaching expiry, at `alerts.expiryDays.warning` (30) and `.critical` (7) days. cert-manager's own alert
 * covers the Certificates it manages; these two certificates it does not manage, and they are rotated by people.
 */
export function alerts(context: BuildContext<StepCaConfig>): IPrometheusRule {
  const { name, namespace, config } = context;
  const { expiryDays } = config.alerts;
  const rule = alertRuleBuilder(config.alerts);
  const ca = `{namespace="${namespace}", job="${SERVER}"}`;
  const certs = `x509_cert_not_after{namespace="${namespace}", job="${EXPORTER}"}`;
  const expiry = (days: number) => `(${certs} - time()) < ${days * DAY}`;
  const failed = (metric: string) =>
    `sum by (provisioner) (rate(${metric}{namespace="${namespace}", job="${SERVER}", success="false"}[15m])) > 0`;
  return prometheusRule(context, `${name}-ca`, [
    {
      name: 'step-ca',
      rules: [
        rule(
          'StepCaDown',
          'critical',
          `absent(up${ca} == 1)`,
          '10m',
          'step-ca is down',
          'No step-ca pod has been scraped for 10 minutes: cert-manager cannot issue or renew certificates from step-ca, and ACME clients cannot renew.',
        ),
        rule(
          'StepCaSigningFailures',
          'warning',
          failed('step_ca_x509_signed_total'),
          '15m',
          'step-ca fails to sign for provisioner {{ $labels.provisioner }}',
          "Signing requests are rejected: a requested lifetime outside the provisioner's claims, a bad token, or an intermediate that no longer loads. step-ca's log names the reason.",
        ),
        rule(
          'StepCaRenewalFailures',
          'warning',
          failed('step_ca_x509_renewed_total'),
          '15m',
          'step-ca fails to renew for provisioner {{ $labels.provisioner }}',
          'Renewals are rejected; the clients keep their certificates until they expire.',
        ),
        rule(
          'StepCaCertificateExpiresSoon',
          'warning',
          expiry(expiryDays.warning),
          '1h',
          `CA certificate {{ $labels.subject_CN }} expires within ${expiryDays.warning} days`,
          'The offline root or the intermediate is close to expiry and is not rotated automatically; run the rotation in the runbook.',
        ),
        rule(
          'StepCaCertificateExpiresVerySoon',
          'critical',
          expiry(expiryDays.critical),
          '10m',
          `CA certificate {{ $labels.subject_CN }} expires within ${expiryDays.critical} days`,
          'When it expires, every certificate step-ca issued stops validating. Rotate it now (runbook).',
        ),
        rule(
          'StepCaCertificatesNotWatched',
          'warning',
          `(count(${certs}) or vector(0)) < 2`,
          '30m',
          "step-ca's root and intermediate are not both watched for expiry",
          'The x509 exporter is down or cannot read a certificate file, so the expiry alerts above cannot fire.',
        ),
      ],
    },
  ]);
}
