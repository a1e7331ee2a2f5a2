import { alertRuleBuilder, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import { APP_NAME } from './chart.js';
import type { TrustManagerConfig } from './config.js';

/*
 * trust-manager exports controller-runtime's metrics; its Bundle controller is named "bundles"
 * (pkg/bundle/controller.go:164 at v0.24.0). prometheus-operator names the job after the scraped Service,
 * `trust-manager-metrics` (chart templates/metrics-service.yaml).
 */
const JOB = `${APP_NAME}-metrics`;

/**
 * Alerts on trust-manager's failure modes: Bundles that fail to reconcile (a source Secret missing, a PEM that
 * does not parse: the ConfigMaps keep their old contents, so a rotated root never reaches the pods), and no
 * trust-manager scraped at all (then nothing updates the bundle, and nothing alerts either).
 */
export function alerts(context: BuildContext<TrustManagerConfig>): IPrometheusRule {
  const { name, namespace, config } = context;
  const rule = alertRuleBuilder(config.alerts);
  return prometheusRule(context, `${name}-bundles`, [
    {
      name: 'trust-manager',
      rules: [
        rule(
          'TrustManagerBundleReconcileErrors',
          'warning',
          `sum(rate(controller_runtime_reconcile_errors_total{namespace="${namespace}", job="${JOB}", controller="bundles"}[15m])) > 0`,
          '30m',
          'trust-manager fails to reconcile Bundles',
          "The trust bundle ConfigMaps are not being updated, so a new or rotated root does not reach the pods. `kubectl describe bundle` and trust-manager's logs say which source fails.",
        ),
        rule(
          'TrustManagerDown',
          'critical',
          `absent(up{namespace="${namespace}", job="${JOB}"} == 1)`,
          '15m',
          'trust-manager has not been scraped for 15 minutes',
          'No trust-manager pod is up: Bundles are not reconciled and new namespaces get no trust bundle, so pods mounting it do not start.',
        ),
      ],
    },
  ]);
}
