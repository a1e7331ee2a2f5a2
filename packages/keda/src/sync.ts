import type { SyncSettings } from '@platform/core';
import { METRICS_API_SERVICE, WEBHOOK_CONFIGURATION } from './chart.js';

/**
 * How Argo CD applies KEDA. Server-side: the chart's ScaledJob CRD is about 650 kB, far over client-side
 * apply's 256 kB annotation limit. The operator writes its CA into the external metrics APIService and the
 * admission webhook configuration after every start (pkg/certificates/certificate_manager.go:58-80 at
 * v2.20.2), fields the chart leaves empty: Argo CD must neither report nor revert them, or every sync would
 * cut the API server off from the metrics API (every ScaledObject's HPA) until the operator patches them
 * again. The APIService itself is Healthy only once it is Available (gitops-engine health_apiservice.go),
 * so the components that render ScaledObjects (later steps) start after the metrics API answers.
 */
export function syncSettings(): SyncSettings {
  return {
    serverSideApply: true,
    ignoreDifferences: [
      {
        group: 'apiregistration.k8s.io',
        kind: 'APIService',
        name: METRICS_API_SERVICE,
        jsonPointers: ['/spec/caBundle'],
      },
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingWebhookConfiguration',
        name: WEBHOOK_CONFIGURATION,
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
      },
    ],
  };
}
