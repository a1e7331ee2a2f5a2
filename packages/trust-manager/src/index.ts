/**
 * @platform/trust-manager: trust-manager from its upstream chart (installed by Argo CD with typed values) and the
 * platform's trust bundle, a `Bundle` that writes the internal roots (cert-manager's, every published trust
 * anchor, optionally the public ones) as a ConfigMap with a fixed key into every labelled namespace. Pods mount
 * it with core's `trustBundle()`; environments label namespaces with {@link trustedNamespaces}.
 */
import { defineComponent, formatDuration } from '@platform/core';
import { type DeclaredCertificate, goSeconds, pkiRules } from '@platform/pki';
import { alerts } from './alerts.js';
import { trustBundleObject } from './bundle.js';
import { APP_NAME, CHART, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { TRUST_MANAGER_KINDS } from './kinds.js';
import { networkAccess } from './network.js';
import { syncSettings } from './sync.js';
import { chartValues } from './values.js';

export { APP_NAME, CHART, METRICS_PORT, POD_LABELS, RELEASE_NAME, WEBHOOK_PORT } from './chart.js';
export type { BundleConfig, ResourceRequirements, TrustManagerConfig } from './config.js';
export { defaults } from './config.js';
export type { IBundle } from './kinds.js';
export { TRUST_MANAGER_KINDS } from './kinds.js';
export { trustedNamespaces } from './trusted-namespaces.js';
export type { TrustManagerValues } from './values.js';

/**
 * trust-manager (tier `operators`, after cert-manager, whose CRDs and issuers its webhook certificate needs).
 * Provides `trustBundle`, and declares the lifetime of its webhook certificate for the certificate calendar.
 *
 * ```ts
 * trustManager({ bundle: { publicRoots: true } })
 * ```
 */
export const trustManager = defineComponent({
  name: 'trust-manager',
  tier: 'operators',
  defaults,
  check: checkConfig,
  dependsOn: ({ config }) => [config.certManagerComponent],
  provides: ({ name, namespace, config }) => ({
    trustBundle: {
      component: name,
      namespace,
      configMap: config.bundle.name,
      key: config.bundle.key,
      namespaceLabel: { ...config.bundle.namespaceLabel },
    },
    certificateLifetime: {
      component: name,
      namespace,
      name: `${APP_NAME} webhook (chart Certificate ${namespace}/${APP_NAME})`,
      role: 'leaf',
      duration: config.webhookCertificateDuration,
      // The chart sets no renewBefore: cert-manager renews when a third of the lifetime is left.
      renewBefore: formatDuration((goSeconds(config.webhookCertificateDuration) ?? 0) / 3),
      rotation: 'automatic',
    } satisfies DeclaredCertificate,
  }),
  build: (context) => ({
    trust_bundle: trustBundleObject(context),
    ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
  }),
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  network: networkAccess,
  sync: syncSettings,
  kinds: TRUST_MANAGER_KINDS,
  rules: pkiRules,
});
