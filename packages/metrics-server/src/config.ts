import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/**
 * How the API server authenticates metrics-server's serving certificate.
 * - `cert-manager`: the environment's `certificateIssuer` (a cert-manager `ClusterIssuer`) issues it; cert-manager's
 *   CA injector writes the issuer's CA into the APIService's `caBundle`, which the API server verifies.
 * - `self-signed`: metrics-server generates one at start and the APIService skips verification
 *   (`insecureSkipTLSVerify`), the chart's default; for clusters without cert-manager.
 */
export type MetricsServerTls = 'cert-manager' | 'self-signed';

/** Configuration of `@platform/metrics-server`. Every field has a documented default. */
export interface MetricsServerConfig {
  /**
   * Pods serving the resource metrics API. Default 2: with one, every node drain or rollout leaves the cluster's
   * HorizontalPodAutoscalers without metrics (`FailedGetResourceMetric`, Degraded in Argo CD). With two or more the
   * pods spread over nodes (required) and zones (preferred) and a PodDisruptionBudget keeps all but one running.
   */
  replicas: number;
  /**
   * How often metrics-server scrapes every kubelet (`--metric-resolution`, a Go duration of at least `10s`, which
   * metrics-server refuses below). Default `15s` (the chart's).
   */
  metricResolution: string;
  /**
   * Skip verifying the kubelets' serving certificates (`--kubelet-insecure-tls`). Default false: EKS kubelets
   * serve certificates signed by the cluster CA. Only for clusters whose kubelets serve self-signed certificates.
   */
  kubeletInsecureTls: boolean;
  /** Serving certificate (see {@link MetricsServerTls}). Default `cert-manager`. */
  tls: MetricsServerTls;
  /**
   * Container resources. Default requests 100m / 200Mi (the chart's, sized by upstream for about 100 nodes),
   * memory limit 400Mi; no CPU limit, so scrapes of a growing cluster are not throttled.
   */
  resources: ResourceRequirements;
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: MetricsServerConfig = {
  replicas: 2,
  metricResolution: '15s',
  kubeletInsecureTls: false,
  tls: 'cert-manager',
  resources: { requests: { cpu: '100m', memory: '200Mi' }, limits: { cpu: undefined, memory: '400Mi' } },
  extraValues: {},
};
