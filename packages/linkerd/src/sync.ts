import type { IgnoreDifference, SyncSettings } from '@platform/core';

const WEBHOOKS = 'admissionregistration.k8s.io';
const CA_BUNDLE = '.webhooks[]?.clientConfig.caBundle';

/** linkerd-crds: the policy and route CRDs are far larger than client-side apply's annotation allows. */
export function crdsSync(): SyncSettings {
  return { serverSideApply: true };
}

/**
 * The control plane: cert-manager's cainjector writes the platform CA into the three webhook configurations
 * (`cert-manager.io/inject-ca-from`, set by the chart from `injectCaFrom`); Argo CD must neither report nor revert it.
 */
export function controlPlaneSync(): SyncSettings {
  const ignoreDifferences: IgnoreDifference[] = [
    {
      group: WEBHOOKS,
      kind: 'MutatingWebhookConfiguration',
      name: 'linkerd-proxy-injector-webhook-config',
      jqPathExpressions: [CA_BUNDLE],
    },
    {
      group: WEBHOOKS,
      kind: 'ValidatingWebhookConfiguration',
      name: 'linkerd-sp-validator-webhook-config',
      jqPathExpressions: [CA_BUNDLE],
    },
    {
      group: WEBHOOKS,
      kind: 'ValidatingWebhookConfiguration',
      name: 'linkerd-policy-validator-webhook-config',
      jqPathExpressions: [CA_BUNDLE],
    },
  ];
  return { ignoreDifferences };
}

/** linkerd-viz: the same for the tap injector's webhook and tap's APIService. */
export function vizSync(): SyncSettings {
  return {
    ignoreDifferences: [
      {
        group: WEBHOOKS,
        kind: 'MutatingWebhookConfiguration',
        name: 'linkerd-tap-injector-webhook-config',
        jqPathExpressions: [CA_BUNDLE],
      },
      {
        group: 'apiregistration.k8s.io',
        kind: 'APIService',
        name: 'v1alpha1.tap.linkerd.io',
        jsonPointers: ['/spec/caBundle'],
      },
    ],
  };
}
