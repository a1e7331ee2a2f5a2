import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned: `kyverno` 3.9.0 (tag `kyverno-chart-3.9.0`, `appVersion: v1.19.0`, the commit of
 * tag `v1.19.0`). Its policies.kyverno.io CRDs come from its dependency `kyverno-api` 0.0.1-alpha.4.
 */
export const CHART = pinnedChart('https://kyverno.github.io/kyverno/', chartFacts);

/** Kyverno's version, the chart's `appVersion`, which every image tag defaults to. */
export const APP_VERSION = 'v1.19.0';

/** Helm release name; with it the chart names its objects `kyverno-admission-controller`, `kyverno-svc` ... */
export const RELEASE_NAME = 'kyverno';

/** Port the admission and cleanup controllers serve webhooks on (`admissionController.webhookServer.port`, `cleanupController.server.port`). */
export const WEBHOOK_PORT = 9443;

/** The controllers, by the `app.kubernetes.io/component` label of their pods (chart `_helpers.tpl` of each). */
export const CONTROLLERS = {
  admission: 'admission-controller',
  background: 'background-controller',
  cleanup: 'cleanup-controller',
  reports: 'reports-controller',
} as const;

/** Labels selecting one controller's pods (`kyverno.<controller>.matchLabels`). */
export function controllerPods(controller: keyof typeof CONTROLLERS): Record<string, string> {
  return {
    'app.kubernetes.io/component': CONTROLLERS[controller],
    'app.kubernetes.io/instance': RELEASE_NAME,
    'app.kubernetes.io/part-of': RELEASE_NAME,
  };
}

/**
 * The ClusterRoles the chart renders with an `aggregationRule`: the API server's aggregation controller writes
 * their `rules` (from the `rbac.kyverno.io/aggregate-to-<controller>` roles), which the rendered manifest leaves empty.
 */
export const AGGREGATED_CLUSTER_ROLES = Object.values(CONTROLLERS).map((c) => `${RELEASE_NAME}:${c}`);

/** Image repositories of the chart 3.9.0 (registry `reg.kyverno.io` unless noted), for pulling through a mirror. */
export const IMAGES = {
  admissionInit: 'reg.kyverno.io/kyverno/kyvernopre',
  admission: 'reg.kyverno.io/kyverno/kyverno',
  background: 'reg.kyverno.io/kyverno/background-controller',
  cleanup: 'reg.kyverno.io/kyverno/cleanup-controller',
  reports: 'reg.kyverno.io/kyverno/reports-controller',
  cli: 'reg.kyverno.io/kyverno/kyverno-cli',
  readinessChecker: 'ghcr.io/kyverno/readiness-checker',
} as const;
