/**
 * @platform/metrics-server: metrics-server from its pinned upstream chart, serving the resource metrics API
 * (`metrics.k8s.io`) that HorizontalPodAutoscalers with CPU or memory targets and `kubectl top` read: highly
 * available, restricted, with its NetworkPolicies and ServiceMonitor.
 */
import { defineComponent } from '@platform/core';
import { CHART, METRICS_API_SERVICE, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { networkAccess } from './network.js';
import { servingIssuer } from './serving-certificate.js';
import { syncSettings } from './sync.js';
import { chartValues } from './values.js';

export {
  APP_VERSION,
  CHART,
  CONTAINER_PORT,
  IMAGE,
  KUBELET_PORT,
  METRICS_API_SERVICE,
  POD_LABELS,
  RELEASE_NAME,
} from './chart.js';
export type { MetricsServerConfig, MetricsServerTls, ResourceRequirements } from './config.js';
export { defaults } from './config.js';
export type { MetricsServerValues } from './values.js';

/**
 * metrics-server (tier `operators`, namespace `metrics-server`): it must answer before the HorizontalPodAutoscalers
 * of later tiers are judged healthy. Provides `resourceMetrics`, the APIService `v1beta1.metrics.k8s.io`. Its
 * serving certificate comes from the environment's `certificateIssuer` (after which it syncs) unless
 * `tls: 'self-signed'`.
 *
 * ```ts
 * metricsServer({ replicas: 3 })
 * ```
 */
export const metricsServer = defineComponent({
  name: 'metrics-server',
  tier: 'operators',
  defaults,
  check: checkConfig,
  provides: ({ name, namespace }) => ({
    resourceMetrics: { component: name, namespace, apiService: METRICS_API_SERVICE },
  }),
  // The chart's Certificate needs cert-manager's CRDs and the issuer in place.
  dependsOn: (context) =>
    context.config.tls === 'cert-manager'
      ? [context.peers.require('certificateIssuer', 'the serving certificate').component]
      : [],
  // Everything it runs comes from the chart.
  build: () => ({}),
  helm: (context) => ({
    ...CHART,
    releaseName: RELEASE_NAME,
    values: chartValues(context, servingIssuer(context)),
    // The chart's one Deployment (templates/deployment.yaml, named by `metrics-server.fullname`: the release name).
    firstSync: [{ workload: `Deployment/${RELEASE_NAME}`, pods: context.config.replicas, wave: 0 }],
  }),
  network: networkAccess,
  sync: syncSettings,
});
