/**
 * @platform/argo-cd: Argo CD managing itself, from the pinned upstream chart with typed values. The values
 * enable what the platform's delivery objects rely on: the ApplicationSet health check that makes sync steps
 * wait for each other, server-side diff, and CRDs applied server-side.
 */
import { type DeepPartial, defineComponent, outsideMesh } from '@platform/core';
import { ARGOCD_NAMESPACE, CHART, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { type ArgoCdConfig, defaults } from './config.js';
import { networkAccess } from './network.js';
import { syncSettings } from './sync.js';
import { chartValues } from './values.js';

export { APP_VERSION, ARGOCD_NAMESPACE, CHART, RELEASE_NAME, SERVER_PORT } from './chart.js';
export type { ArgoCdConfig, ResourceRequirements } from './config.js';
export { defaults } from './config.js';
export type { ArgoCdValues } from './values.js';
export { REQUIRED_CM, REQUIRED_PARAMS } from './values.js';

const argoCdComponent = defineComponent({
  name: 'argo-cd',
  tier: 'operators',
  defaults,
  check: checkConfig,
  // Everything comes from the chart; the rendered folder holds the namespace and its NetworkPolicies.
  build: () => ({}),
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  // What the rendered delivery relies on Argo CD being configured with, for `pnpm check` to prove.
  provides: (context) => {
    const { configs } = chartValues(context);
    return {
      deliveryController: {
        component: context.name,
        namespace: context.namespace,
        engine: 'argocd',
        settings: { ...configs.cm, ...configs.params },
      },
    };
  },
  network: networkAccess,
  sync: syncSettings,
});

/**
 * Argo CD (tier `operators`) in the `argocd` namespace, where the delivery objects expect it. If the
 * environment sets another `delivery.argocdNamespace`, follow it: `argoCd().inNamespace('gitops')`.
 *
 * ```ts
 * argoCd({ highAvailability: true, configs: { cm: { 'oidc.config': '...' } } })
 * ```
 */
export function argoCd(config?: DeepPartial<ArgoCdConfig>): ReturnType<typeof argoCdComponent> {
  // Argo CD repairs the mesh: with the injector's failurePolicy Fail, a meshed Argo CD could not start its pods
  // while the control plane is down (Istio 1.30.3 istio-discovery templates/mutatingwebhook.yaml:34).
  return argoCdComponent(config)
    .inNamespace(ARGOCD_NAMESPACE)
    .mixin(outsideMesh('it delivers and repairs the mesh, so it must start while the control plane is down'));
}
