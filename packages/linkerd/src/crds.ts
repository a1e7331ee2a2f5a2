import { type DeepPartial, defineComponent } from '@platform/core';
import { CRDS_CHART, LINKERD_NAMESPACE } from './chart.js';
import { checkMeshChoice } from './check.js';
import { crdsDefaults, type LinkerdCrdsConfig } from './config.js';
import { CONTROL_PLANE_OUTSIDE_MESH, controlPlaneNamespaceLabels } from './service-mesh.js';
import { crdsSync } from './sync.js';
import { crdsValues } from './values.js';

const linkerdCrdsComponent = defineComponent({
  name: 'linkerd-crds',
  tier: 'crds',
  defaults: crdsDefaults,
  check: (_config, checks, context) => checkMeshChoice(checks, context),
  // The CRDs come from the chart; the rendered folder holds the control plane's Namespace and its namespace-wide
  // NetworkPolicies, which linkerd-control-plane shares.
  build: () => ({}),
  helm: (context) => ({ ...CRDS_CHART, releaseName: 'linkerd-crds', values: crdsValues(context) }),
  sync: crdsSync,
});

/**
 * `linkerd-crds` (tier `crds`): Linkerd's CRDs from the upstream chart, and the control plane's `linkerd`
 * namespace (Pod Security restricted: the CNI plugin sets up the proxies' iptables, so no pod needs NET_ADMIN),
 * outside the mesh and labelled as `linkerd install` labels it.
 */
export function linkerdCrds(config?: DeepPartial<LinkerdCrdsConfig>): ReturnType<typeof linkerdCrdsComponent> {
  return linkerdCrdsComponent(config)
    .inNamespace(LINKERD_NAMESPACE)
    .mixin(CONTROL_PLANE_OUTSIDE_MESH)
    .mixin(controlPlaneNamespaceLabels(LINKERD_NAMESPACE));
}
