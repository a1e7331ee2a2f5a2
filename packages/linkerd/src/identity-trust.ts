import { type DeepPartial, defineComponent } from '@platform/core';
import { checkAnchors } from './check.js';
import { type LinkerdTrustConfig, trustDefaults } from './config.js';
import { trustAnchorObjects } from './trust-anchors.js';

const linkerdIdentityTrustComponent = defineComponent({
  name: 'linkerd-identity-trust',
  tier: 'operators',
  defaults: trustDefaults,
  check: (config, checks) => checkAnchors(checks, config.trustAnchors),
  dependsOn: ({ config }) => [config.certManagerComponent, config.trustManagerComponent],
  build: (context) => trustAnchorObjects(context),
});

/**
 * `linkerd-identity-trust` (tier `operators`, in cert-manager's namespace, which it does not own): the trust
 * anchors as self-signed cert-manager CAs with their ClusterIssuers, and the trust-manager Bundle that writes all
 * of them into the control plane's `linkerd-identity-trust-roots`. `linkerd()` creates it with the control
 * plane's anchors.
 */
export function linkerdIdentityTrust(
  config?: DeepPartial<LinkerdTrustConfig>,
  namespace = 'cert-manager',
): ReturnType<typeof linkerdIdentityTrustComponent> {
  return linkerdIdentityTrustComponent(config).inNamespace(namespace, { create: false });
}
