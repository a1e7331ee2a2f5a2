import type { SyncSettings } from '@platform/core';
import { WEBHOOK_CONFIGURATION } from './chart.js';

/**
 * Cluster-scoped kinds the chart creates, for the environment's AppProject (the ClusterIssuers this package
 * renders are added by the renderer).
 */
export const CLUSTER_RESOURCES = [
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' },
  { group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration' },
];

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
