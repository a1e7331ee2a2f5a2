/**
 * @platform/prometheus-operator-crds: the `monitoring.coreos.com` CRDs every component's ServiceMonitors,
 * PodMonitors and PrometheusRules need, from the pinned upstream chart, in the `crds` tier so that they exist
 * before any Application that renders such objects syncs.
 */
import { defineComponent } from '@platform/core';
import { CHART } from './chart.js';
import { defaults } from './config.js';
import { chartValues } from './values.js';

export { CHART, OPERATOR_VERSION } from './chart.js';
export type { PrometheusOperatorCrdsConfig } from './config.js';
export { defaults } from './config.js';
export type { PrometheusOperatorCrdsValues } from './values.js';

/**
 * prometheus-operator's CRDs (tier `crds`). They are far too large for client-side apply (Prometheus' CRD alone
 * is over 1 MB), so the Application applies server-side.
 *
 * ```ts
 * prometheusOperatorCrds()
 * ```
 */
export const prometheusOperatorCrds = defineComponent({
  name: 'prometheus-operator-crds',
  tier: 'crds',
  defaults,
  // Everything comes from the chart; the rendered folder holds the namespace Argo CD deploys the release to.
  build: () => ({}),
  helm: (context) => ({ ...CHART, releaseName: 'prometheus-operator-crds', values: chartValues(context) }),
  sync: () => ({ serverSideApply: true }),
});
