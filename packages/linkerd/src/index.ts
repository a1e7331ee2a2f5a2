/**
 * @platform/linkerd: Linkerd from its upstream charts (`linkerd-crds`, `linkerd2-cni`, `linkerd-control-plane`),
 * with its trust anchors and identity issuer from cert-manager, as the environment's mesh (`settings.mesh:
 * 'linkerd'`). `linkerd()` returns the four components in sync order.
 */
import type { DeepPartial } from '@platform/core';
import { linkerdCni } from './cni.js';
import type { LinkerdCniConfig, LinkerdConfig, LinkerdCrdsConfig } from './config.js';
import { linkerdControlPlane } from './control-plane.js';
import { linkerdCrds } from './crds.js';
import { linkerdIdentityTrust } from './identity-trust.js';

export {
  CNI_CHART,
  CONTROL_PLANE_CHART,
  CRDS_CHART,
  LINKERD_CHART_VERSION,
  LINKERD_NAMESPACE,
  LINKERD_RELEASE,
  LINKERD_REPO,
  PORTS,
  VIZ_CHART,
} from './chart.js';
export { linkerdCni } from './cni.js';
export type {
  ControlPlaneResources,
  InboundPolicy,
  LifetimeConfig,
  LinkerdCniConfig,
  LinkerdConfig,
  LinkerdCrdsConfig,
  LinkerdTrustConfig,
  LinkerdVizConfig,
  ResourceRequirements,
  TrustAnchorConfig,
  WebhookFailurePolicy,
} from './config.js';
export {
  cniDefaults,
  crdsDefaults,
  DEFAULT_TRUST_ANCHOR,
  defaults,
  INBOUND_POLICIES,
  trustDefaults,
  vizDefaults,
} from './config.js';
export { linkerdControlPlane } from './control-plane.js';
export { linkerdCrds } from './crds.js';
export { IDENTITY_ISSUER } from './identity.js';
export { linkerdIdentityTrust } from './identity-trust.js';
export { linkerdServiceMesh } from './service-mesh.js';
export { TRUST_ROOTS } from './trust-anchors.js';
export type { CniValues, ControlPlaneValues, CrdsValues } from './values.js';
export { linkerdViz, type VizValues } from './viz.js';

/** Configuration of the Linkerd components. */
export interface LinkerdComponentsConfig {
  crds?: DeepPartial<LinkerdCrdsConfig>;
  cni?: DeepPartial<LinkerdCniConfig>;
  /** The control plane; its `trustAnchors` are also the trust component's. */
  controlPlane?: DeepPartial<LinkerdConfig>;
  /** Namespace of the `@platform/cert-manager` component (trust-manager's trust namespace). Default `cert-manager`. */
  certManagerNamespace?: string;
}

/**
 * The Linkerd components in sync order: `components: [...linkerd({ controlPlane: { highAvailability: true } })]`.
 * The trust component gets the control plane's anchors, so the two cannot disagree.
 */
export function linkerd(
  config: LinkerdComponentsConfig = {},
): [
  ReturnType<typeof linkerdCrds>,
  ReturnType<typeof linkerdCni>,
  ReturnType<typeof linkerdIdentityTrust>,
  ReturnType<typeof linkerdControlPlane>,
] {
  const trustAnchors = config.controlPlane?.trustAnchors as LinkerdConfig['trustAnchors'] | undefined;
  return [
    linkerdCrds(config.crds),
    linkerdCni(config.cni),
    linkerdIdentityTrust(trustAnchors ? { trustAnchors } : {}, config.certManagerNamespace),
    linkerdControlPlane(config.controlPlane),
  ];
}
