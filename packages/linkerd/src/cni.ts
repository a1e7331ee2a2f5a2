import { type DeepPartial, defineComponent } from '@platform/core';
import { CNI_CHART, CNI_NAMESPACE } from './chart.js';
import { checkCniConfig } from './check.js';
import { cniDefaults, type LinkerdCniConfig } from './config.js';
import { cniNetwork } from './network.js';
import { cniValues } from './values.js';

const linkerdCniComponent = defineComponent({
  name: 'linkerd-cni',
  tier: 'operators',
  defaults: cniDefaults,
  // The installer DaemonSet writes the plugin into the nodes' CNI directories (hostPath volumes, root:
  // linkerd2-cni `templates/cni-plugin.yaml:55-69,343-350`), which only the privileged level admits; in exchange
  // every meshed pod runs restricted. Privileged namespaces stay outside the mesh.
  podSecurity: 'privileged',
  check: checkCniConfig,
  build: () => ({}),
  helm: (context) => ({ ...CNI_CHART, releaseName: 'linkerd2-cni', values: cniValues(context) }),
  network: cniNetwork,
});

/**
 * `linkerd-cni` (tier `operators`, namespace `linkerd-cni`): the CNI plugin that sets up each meshed pod's
 * iptables on the node, so meshed pods need no `linkerd-init` with NET_ADMIN/NET_RAW (the control plane sets
 * `cniEnabled: true`).
 */
export function linkerdCni(config?: DeepPartial<LinkerdCniConfig>): ReturnType<typeof linkerdCniComponent> {
  return linkerdCniComponent(config).inNamespace(CNI_NAMESPACE);
}
