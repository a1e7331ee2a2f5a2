import { defineComponent, type KubeObject } from '@platform/core';
import { CRDS } from './crds/standard.generated.js';

/** The Gateway API release whose standard-channel CRDs {@link gatewayApiCrds} installs. */
export const GATEWAY_API_VERSION = 'v1.6.1';

/** `httproutes.gateway.networking.k8s.io` → `httproutes_customresourcedefinition`. */
function key(crd: KubeObject): string {
  return `${crd.metadata!.name!.split('.')[0]}_customresourcedefinition`;
}

/**
 * The Gateway API standard channel's CRDs of v1.6.1 (kubernetes-sigs/gateway-api `config/crd/standard`, every CRD
 * of it; the release's `ValidatingAdmissionPolicy` for safe upgrades is not included), in the `crds` tier so
 * that they exist before any Gateway or HTTPRoute is applied. Applied server-side, as every CRD.
 *
 * ```ts
 * gatewayApiCrds()
 * ```
 */
export const gatewayApiCrds = defineComponent({
  name: 'gateway-api-crds',
  tier: 'crds',
  defaults: {},
  build: () => Object.fromEntries(CRDS.map((crd) => [key(crd), structuredClone(crd)])),
  sync: () => ({ serverSideApply: true }),
});
