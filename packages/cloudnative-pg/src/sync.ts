import type { SyncSettings } from '@platform/core';
import { WEBHOOK_CONFIGURATIONS } from './chart.js';

/**
 * The whole Application is applied server-side: the chart's CRDs (Cluster and Pooler are several hundred kB)
 * come from the chart, so the renderer cannot mark them one by one. The operator generates its webhook
 * certificate and writes the CA into both webhook configurations at run time; Argo CD must not revert that.
 */
export function syncSettings(): SyncSettings {
  return {
    serverSideApply: true,
    ignoreDifferences: [
      { kind: 'MutatingWebhookConfiguration', name: WEBHOOK_CONFIGURATIONS.mutating },
      { kind: 'ValidatingWebhookConfiguration', name: WEBHOOK_CONFIGURATIONS.validating },
    ].map((entry) => ({
      group: 'admissionregistration.k8s.io',
      ...entry,
      jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
    })),
  };
}
