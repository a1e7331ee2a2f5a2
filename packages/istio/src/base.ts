import { type DeepPartial, defineComponent } from '@platform/core';
import { BASE_CHART, ISTIO_NAMESPACE } from './chart.js';
import { baseDefaults, type IstioBaseConfig } from './config.js';
import { checkMeshChoice, ISTIO_OUTSIDE_MESH } from './mesh-choice.js';
import { baseSync } from './sync.js';
import { baseValues } from './values.js';

const istioBaseComponent = defineComponent({
  name: 'istio-base',
  tier: 'crds',
  defaults: baseDefaults,
  check: (_config, checks, context) => checkMeshChoice(checks, context),
  // Istio's CRDs and the default validating webhook come from the chart; the rendered folder holds the
  // istio-system Namespace and its namespace-wide NetworkPolicies, which istiod shares.
  build: () => ({}),
  helm: (context) => ({ ...BASE_CHART, releaseName: 'istio-base', values: baseValues(context) }),
  sync: baseSync,
});

/**
 * Istio's `base` chart (tier `crds`): the CRDs and the default-revision validating webhook. Owns the
 * `istio-system` namespace (Pod Security restricted, default-deny NetworkPolicies) that istiod deploys into.
 */
export function istioBase(config?: DeepPartial<IstioBaseConfig>): ReturnType<typeof istioBaseComponent> {
  return istioBaseComponent(config).inNamespace(ISTIO_NAMESPACE).mixin(ISTIO_OUTSIDE_MESH);
}
