/**
 * @platform/kyverno: Kyverno from its upstream chart in HA, handled for Argo CD, with the platform's policies as
 * typed objects: the trust bundle mounted into selected pods, and Pod Security "restricted", pinned images from
 * allowed registries and resource requests enforced (or audited) at run time on what `pnpm check` cannot see.
 */
import { defineComponent } from '@platform/core';
import { alerts } from './alerts.js';
import { CHART, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { kyvernoDashboards } from './dashboards.js';
import { imagePolicy } from './image-policy.js';
import { KYVERNO_KINDS } from './kinds.js';
import { networkAccess } from './network.js';
import { podSecurityPolicy } from './pod-security-policy.js';
import { resourcesPolicy } from './resources-policy.js';
import { syncSettings } from './sync.js';
import { trustBundlePolicy } from './trust-bundle-policy.js';
import { chartValues } from './values.js';

export { failurePolicy, validationActions } from './admission.js';
export { APP_VERSION, CHART, RELEASE_NAME, WEBHOOK_PORT } from './chart.js';
export type {
  AdmissionPoliciesConfig,
  Enforcement,
  KyvernoConfig,
  LabelSelector,
  ResourceRequirements,
  TrustBundleInjectionConfig,
} from './config.js';
export { defaults } from './config.js';
export { IMAGE_POLICY } from './image-policy.js';
export type { IMutatingPolicy, IValidatingPolicy } from './kinds.js';
export { KYVERNO_KINDS } from './kinds.js';
export { POD_SECURITY_POLICY } from './pod-security-policy.js';
export { RESOURCES_POLICY } from './resources-policy.js';
export { TRUST_BUNDLE_POLICY, trustBundleExpression } from './trust-bundle-policy.js';
export type { KyvernoValues } from './values.js';

/**
 * Kyverno (tier `operators`, namespace `kyverno`). Provides `dashboards`; needs `trustBundle` unless
 * `trustBundle.enabled` is false. Comes after the trust bundle's provider, so that the pods it mutates find the
 * ConfigMap.
 *
 * ```ts
 * kyverno({ policies: { enforcement: 'Enforce' }, trustBundle: { podSelector: { matchLabels: { 'trust.platform.dev/inject': 'true' } } } })
 * ```
 */
export const kyverno = defineComponent({
  name: 'kyverno',
  tier: 'operators',
  defaults,
  check: checkConfig,
  dependsOn: (context) =>
    context.config.trustBundle.enabled
      ? [context.peers.require('trustBundle', 'the trust-bundle policy mounts its ConfigMap').component]
      : [],
  provides: (context) => ({ dashboards: kyvernoDashboards(context) }),
  build: (context) => {
    const { policies } = context.config;
    return {
      ...(context.config.trustBundle.enabled ? { trust_bundle_mutatingpolicy: trustBundlePolicy(context) } : {}),
      ...(policies.podSecurity.enabled ? { pod_security_validatingpolicy: podSecurityPolicy(context) } : {}),
      ...(policies.images.enabled ? { images_validatingpolicy: imagePolicy(context) } : {}),
      ...(policies.resources.enabled ? { resources_validatingpolicy: resourcesPolicy(context) } : {}),
      ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
    };
  },
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  network: networkAccess,
  sync: syncSettings,
  kinds: KYVERNO_KINDS,
});
