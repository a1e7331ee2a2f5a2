import {
  type AlertRule,
  alertRuleBuilder,
  type BuildContext,
  type IPrometheusRule,
  prometheusRule,
} from '@platform/core';
import type { KyvernoConfig } from './config.js';
import { IMAGE_POLICY } from './image-policy.js';
import { POD_SECURITY_POLICY } from './pod-security-policy.js';
import { RESOURCES_POLICY } from './resources-policy.js';
import { TRUST_BUNDLE_POLICY } from './trust-bundle-policy.js';

/*
 * Metric names and labels as Kyverno v1.19.0 records them through OpenTelemetry (counters exported with `_total`):
 * `kyverno_validating_policy_results` and `kyverno_mutating_policy_results` with `policy_name`, `result`
 * (pass, fail, warn, error, skip), `execution_cause` (`admission_request`, `background_scan`) and
 * `resource_namespace` (`pkg/metrics/vpol.go`, `mpol.go`, `common_types.go`); `kyverno_admission_review_duration_seconds`
 * (`pkg/metrics/admission.go`). The admission controller's metrics Service is `kyverno-svc-metrics`.
 */

/**
 * Alerts on Kyverno: no admission controller answering (every webhook call times out: fail-closed policies then
 * block pods), slow admission reviews (the API server gives up after the webhook timeout), the trust-bundle
 * mutation failing, and the audited policies' violations, found at admission or by background scans, the same
 * results the PolicyReports hold.
 */
export function alerts(context: BuildContext<KyvernoConfig>): IPrometheusRule {
  const { name, namespace, config } = context;
  const rule = alertRuleBuilder(config.alerts);
  const policies = [POD_SECURITY_POLICY, IMAGE_POLICY, RESOURCES_POLICY].join('|');
  const rules: AlertRule[] = [
    rule(
      'KyvernoAdmissionControllerDown',
      'critical',
      `absent(up{namespace="${namespace}", service="kyverno-svc-metrics"} == 1)`,
      '5m',
      'No Kyverno admission controller answers',
      "Kyverno's webhooks time out: fail-closed policies (Enforce, the trust bundle) block the pods they match. See the kyverno-admission-controller pods.",
    ),
    rule(
      'KyvernoAdmissionSlow',
      'warning',
      `histogram_quantile(0.99, sum by (le) (rate(kyverno_admission_review_duration_seconds_bucket{namespace="${namespace}"}[5m]))) > 5`,
      '15m',
      'Kyverno admission reviews are slow',
      'The 99th percentile admission review takes {{ $value | humanizeDuration }}; near the webhook timeout the API server fails the request.',
    ),
    rule(
      'KyvernoTrustBundleMutationFailing',
      'critical',
      `sum(increase(kyverno_mutating_policy_results_total{policy_name="${TRUST_BUNDLE_POLICY}", result=~"fail|error"}[10m])) > 0`,
      '5m',
      'Kyverno cannot mount the trust bundle into new pods',
      'The trust-bundle mutation fails; pods it should mutate are refused (or, with failurePolicy Ignore, start without the internal CA).',
    ),
    rule(
      'KyvernoPolicyViolations',
      'warning',
      `sum by (policy_name, resource_namespace) (increase(kyverno_validating_policy_results_total{policy_name=~"${policies}", result="fail"}[1h])) > 0`,
      '1h',
      'Pods in {{ $labels.resource_namespace }} violate {{ $labels.policy_name }}',
      'Admission or a background scan found violations (see `kubectl get policyreports -n {{ $labels.resource_namespace }}`); with Audit they run anyway, with Enforce they would be refused.',
    ),
  ];
  return prometheusRule(context, `${name}-alerts`, [{ name: 'kyverno', rules }]);
}
