import { type DeepPartial, defineComponent } from '@platform/core';
import { ISTIO_NAMESPACE, ISTIOD_CHART } from './chart.js';
import { checkConfig } from './check.js';
import { type IstiodConfig, istiodDefaults } from './config.js';
import { ISTIO_KINDS } from './kinds.js';
import { checkMeshChoice, ISTIO_OUTSIDE_MESH, istioServiceMesh } from './mesh-choice.js';
import { istiodNetworkAccess } from './network.js';
import { meshPeerAuthentication } from './peer-authentication.js';
import { istioRules } from './rules.js';
import { istiodSync } from './sync.js';
import { istiodValues } from './values.js';

const istiodComponent = defineComponent({
  name: 'istiod',
  tier: 'operators',
  defaults: istiodDefaults,
  check: (config, checks, context) => {
    checkConfig(config, checks);
    checkMeshChoice(checks, context);
  },
  dependsOn: ({ config }) => [config.baseComponent],
  provides: ({ name, namespace }) => ({ serviceMesh: istioServiceMesh({ component: name, namespace }) }),
  build: (context) => ({
    peerauthentication: meshPeerAuthentication(context),
  }),
  helm: (context) => ({ ...ISTIOD_CHART, releaseName: 'istiod', values: istiodValues(context) }),
  network: istiodNetworkAccess,
  sync: ({ namespace }) => istiodSync(namespace),
  kinds: ISTIO_KINDS,
  rules: istioRules,
});

/**
 * Istio's control plane (tier `operators`), in `istio-system` next to istio-base, which owns that namespace:
 * istiod renders no second Namespace. Renders mesh-wide STRICT mutual TLS and provides `serviceMesh`.
 */
export function istiod(config?: DeepPartial<IstiodConfig>): ReturnType<typeof istiodComponent> {
  return istiodComponent(config).inNamespace(ISTIO_NAMESPACE, { create: false }).mixin(ISTIO_OUTSIDE_MESH);
}
