import type { SyncSettings } from '@platform/core';
import { WEBHOOK_CONFIGURATION } from './chart.js';

/**
 * The whole Application is applied server-side: the chart's CRDs (Issuer and ClusterIssuer are ~145 kB each)
 * come from the chart, so the renderer cannot mark them one by one. cainjector writes the webhook's CA into
 * the webhook configurations after every sync; Argo CD must neither report nor revert that.
 */
export function syncSettings(): SyncSettings {
  return {
    serverSideApply: true,
    ignoreDifferences: (['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'] as const).map((kind) => ({
      group: 'admissionregistration.k8s.io',
      kind,
      name: WEBHOOK_CONFIGURATION,
      jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
    })),
  };
}
