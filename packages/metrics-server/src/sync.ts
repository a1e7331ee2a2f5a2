import type { BuildContext, SyncSettings } from '@platform/core';
import { METRICS_API_SERVICE } from './chart.js';
import type { MetricsServerConfig } from './config.js';

/**
 * How Argo CD applies metrics-server. With cert-manager TLS, cert-manager's CA injector owns the APIService's
 * `spec.caBundle` (APIService injection is on by default, cert-manager internal/apis/config/cainjector/v1alpha1/
 * defaults.go:61 at v1.21.1); the chart leaves the field empty (templates/apiservice.yaml:52-62), so Argo CD must
 * neither report nor revert it, or every sync would cut the API server off from the resource metrics API until
 * the injector writes it again. Self-signed, nothing writes it and there is nothing to ignore.
 */
export function syncSettings({ config }: BuildContext<MetricsServerConfig>): SyncSettings {
  if (config.tls === 'self-signed') return {};
  return {
    ignoreDifferences: [
      {
        group: 'apiregistration.k8s.io',
        kind: 'APIService',
        name: METRICS_API_SERVICE,
        jsonPointers: ['/spec/caBundle'],
      },
    ],
  };
}
