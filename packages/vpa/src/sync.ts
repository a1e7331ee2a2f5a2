import type { SyncSettings } from '@platform/core';
import { WEBHOOK_CONFIGURATION } from './chart.js';
import type { VpaConfig } from './config.js';

/**
 * With the admission controller, cert-manager's cainjector writes the webhook's CA into the chart's
 * MutatingWebhookConfiguration (the template leaves `caBundle` out and annotates `cert-manager.io/inject-ca-from`,
 * templates/admission-controller-webhook.yaml); Argo CD must neither report nor revert it.
 */
export function syncSettings({ config }: { config: VpaConfig }): SyncSettings {
  if (!config.admissionController.enabled) return {};
  return {
    ignoreDifferences: [
      {
        group: 'admissionregistration.k8s.io',
        kind: 'MutatingWebhookConfiguration',
        name: WEBHOOK_CONFIGURATION,
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
      },
    ],
  };
}
