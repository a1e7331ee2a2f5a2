import { alertRuleBuilder, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import { APP_NAME } from './chart.js';
import type { IstioCsrConfig } from './config.js';

/*
 * istio-csr counts the requests for its own serving certificate, `cert_manager_istio_csr_tls_provider_certificate_requests`
 * with `success` "1" or "0" (pkg/tls/tls.go:46-56, :350-352 at v0.17.0). prometheus-operator names the job after
 * the scraped Service, `cert-manager-istio-csr-metrics` (templates/metrics-service.yaml).
 */
const JOB = `${APP_NAME}-metrics`;

/**
 * Alerts on istio-csr: none of it up (new pods get no workload certificate and, with mTLS STRICT, cannot talk to
 * anyone; running pods fail when their 1-hour certificates expire), and failures to renew its own serving
 * certificate from the mesh CA, the first sign of a broken issuer. The mesh CA itself is a cert-manager
 * Certificate, covered by cert-manager's expiry alert.
 */
export function alerts(context: BuildContext<IstioCsrConfig>): IPrometheusRule {
  const { name, namespace, config } = context;
  const rule = alertRuleBuilder(config.alerts);
  return prometheusRule(context, `${name}-mesh-ca`, [
    {
      name: 'istio-csr',
      rules: [
        rule(
          'IstioCsrDown',
          'critical',
          `absent(up{namespace="${namespace}", job="${JOB}"} == 1)`,
          '5m',
          'istio-csr is down',
          'Mesh workloads cannot get or renew their certificates; new pods cannot join the mesh and running ones lose mTLS within the hour.',
        ),
        rule(
          'IstioCsrServingCertificateFailures',
          'warning',
          `sum(increase(cert_manager_istio_csr_tls_provider_certificate_requests{namespace="${namespace}", job="${JOB}", success="0"}[15m])) > 0`,
          '15m',
          'istio-csr fails to get its serving certificate from the mesh CA',
          "The mesh CA Issuer does not sign: check the Issuer and the mesh CA Certificate in the mesh namespace and istio-csr's log.",
        ),
      ],
    },
  ]);
}
