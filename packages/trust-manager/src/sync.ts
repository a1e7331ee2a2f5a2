import type { SyncSettings } from '@platform/core';
import { APP_NAME } from './chart.js';

/**
 * cainjector writes the webhook Certificate's CA into the ValidatingWebhookConfiguration (the chart annotates it
 * with `cert-manager.io/inject-ca-from`); Argo CD must neither report nor revert that. The Bundle CRD is applied
 * server-side with the rest, as it is large.
 */
export function syncSettings(): SyncSettings {
  return {
    serverSideApply: true,
    ignoreDifferences: [
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingWebhookConfiguration',
        name: APP_NAME,
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
      },
    ],
  };
}
