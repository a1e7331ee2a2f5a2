import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** Configuration of the `linkerd-crds` component. */
export interface LinkerdCrdsConfig {
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

/** Configuration of the `linkerd-cni` component (the CNI plugin DaemonSet). */
export interface LinkerdCniConfig {
  /** The plugin installer's resources. Default requests 10m / 32Mi, memory limit 64Mi. */
  resources: ResourceRequirements;
  /** CNI configuration directory on the nodes. Default `/etc/cni/net.d` (the chart's). */
  cniNetDir: string;
  /** CNI binary directory on the nodes. Default `/opt/cni/bin` (the chart's). */
  cniBinDir: string;
  /** Chart values deep-merged over the ones this package sets. Default none. */
  extraValues: Record<string, unknown>;
}

/**
 * One trust anchor: a self-signed root in cert-manager's namespace, written into `linkerd-identity-trust-roots`.
 * Every anchor listed is trusted by every proxy; one of them signs the identity issuer (`issuingAnchor`).
 */
export interface TrustAnchorConfig {
  /** Name of the Certificate, its Secret and the ClusterIssuer that signs with it, e.g. `linkerd-trust-anchor`. */
  name: string;
  /** Validity, a Go duration. Default `78840h` (9 years). */
  duration: string;
  /** cert-manager replaces it this long before expiry, a Go duration; rotate it by the runbook before that. Default `8760h`. */
  renewBefore: string;
}

/** Lifetime of certificates cert-manager renews automatically. */
export interface LifetimeConfig {
  /** Validity, a Go duration. */
  duration: string;
  /** Renewal this long before expiry, a Go duration. */
  renewBefore: string;
}

/** Linkerd's policy for inbound traffic no `Server` selects (`proxy.defaultInboundPolicy`). */
export const INBOUND_POLICIES = [
  'all-unauthenticated',
  'cluster-unauthenticated',
  'all-authenticated',
  'cluster-authenticated',
  'deny',
  'audit',
] as const;
export type InboundPolicy = (typeof INBOUND_POLICIES)[number];

/** What the API server does when the proxy injector does not answer (`webhookFailurePolicy`). */
export type WebhookFailurePolicy = 'Ignore' | 'Fail';

/** Resources of the control plane's containers. */
export interface ControlPlaneResources {
  /** destination, policy, sp-validator, proxy-injector and heartbeat containers. Default requests 100m / 50Mi, memory limit 250Mi (the HA values'). */
  controller: ResourceRequirements;
  /** identity container. Default requests 100m / 10Mi, memory limit 250Mi (the HA values'). */
  identity: ResourceRequirements;
  /** Every injected proxy (`proxy.resources`). Default requests 100m / 20Mi, memory limit 250Mi (the HA values'). */
  proxy: ResourceRequirements;
}

/** Configuration of the `linkerd-control-plane` component and its identity PKI. */
export interface LinkerdConfig {
  /**
   * The upstream high-availability values (`values-ha.yaml`): 3 replicas of each controller, anti-affinity,
   * PodDisruptionBudgets, `maxUnavailable: 1`, and the injector's `webhookFailurePolicy: Fail` (no pod of a meshed
   * namespace starts unmeshed). Default false; prod sets it.
   */
  highAvailability: boolean;
  /** Replicas of each controller when not highly available. Default 1. */
  replicas: number;
  /** The injector's failure policy; default: `Fail` with `highAvailability`, else `Ignore` (the chart's). */
  webhookFailurePolicy?: WebhookFailurePolicy;
  /** Trust anchors, all trusted; add one to rotate (see the README's runbook). Default one, `linkerd-trust-anchor`, 78840h / 8760h. */
  trustAnchors: TrustAnchorConfig[];
  /** The trust anchor that signs the identity issuer. Default `linkerd-trust-anchor`. */
  issuingAnchor: string;
  /** The identity issuer (intermediate CA the identity controller signs proxies' 24h certificates with). Default 6600h / 2160h. */
  identityIssuer: LifetimeConfig;
  /** Serving certificates of the three webhooks, from the platform CA. Default 2160h / 720h. */
  webhookCertificates: LifetimeConfig;
  /**
   * Inbound policy where no `Server` applies. Default `all-unauthenticated` (the chart's): meshed traffic is mTLS
   * anyway, and the API server (webhooks), the kubelet (probes) and node agents outside the mesh (metrics
   * scrapers) connect in plain text. Stricter policies refuse them.
   */
  defaultInboundPolicy: InboundPolicy;
  /** Networks the kubelet's probes come from, authorised on probe paths (`policyController.probeNetworks`). Default all. */
  probeNetworks: string[];
  /** Container resources. */
  resources: ControlPlaneResources;
  /** Controllers' log level. Default `info`. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Name of the `linkerd-crds` component. Default `linkerd-crds`. */
  crdsComponent: string;
  /** Name of the `linkerd-cni` component. Default `linkerd-cni`. */
  cniComponent: string;
  /** Name of the `linkerd-identity-trust` component (the anchors in cert-manager's namespace). Default `linkerd-identity-trust`. */
  trustComponent: string;
  /** Chart values deep-merged over the ones this package sets. Default none. */
  extraValues: Record<string, unknown>;
}

/** Configuration of the `linkerd-identity-trust` component: the anchors, in cert-manager's namespace. */
export interface LinkerdTrustConfig {
  /** The trust anchors; must equal the control plane's (`linkerd()` passes them). */
  trustAnchors: TrustAnchorConfig[];
  /** Name of the `@platform/cert-manager` component, whose namespace is trust-manager's trust namespace. Default `cert-manager`. */
  certManagerComponent: string;
  /** Name of the `@platform/trust-manager` component. Default `trust-manager`. */
  trustManagerComponent: string;
  /** Namespace of the control plane, where the trust roots ConfigMap is written. Default `linkerd`. */
  controlPlaneNamespace: string;
}

/** Configuration of the optional `linkerd-viz` component. */
export interface LinkerdVizConfig {
  /** Run viz's own Prometheus (needed by the dashboard and `linkerd viz stat`). Default true. */
  prometheus: boolean;
  /** Replicas of metrics-api, tap and tap-injector. Default 1. */
  replicas: number;
  /** metrics-api, tap, tap-injector and web containers. Default requests 100m / 50Mi, memory limit 250Mi. */
  resources: ResourceRequirements;
  /** viz's Prometheus (6 hours of every proxy's metrics). Default requests 300m / 300Mi, memory limit 8Gi (the upstream HA values'). */
  prometheusResources: ResourceRequirements;
  /** Serving certificates of tap and tap-injector, from the platform CA. Default 2160h / 720h. */
  certificates: LifetimeConfig;
  /** Name of the `linkerd-control-plane` component. Default `linkerd-control-plane`. */
  controlPlaneComponent: string;
  /** Chart values deep-merged over the ones this package sets. Default none. */
  extraValues: Record<string, unknown>;
}

const controllerResources: ResourceRequirements = {
  requests: { cpu: '100m', memory: '50Mi' },
  limits: { cpu: undefined, memory: '250Mi' },
};

export const crdsDefaults: LinkerdCrdsConfig = { extraValues: {} };

export const cniDefaults: LinkerdCniConfig = {
  resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: undefined, memory: '64Mi' } },
  cniNetDir: '/etc/cni/net.d',
  cniBinDir: '/opt/cni/bin',
  extraValues: {},
};

export const DEFAULT_TRUST_ANCHOR: TrustAnchorConfig = {
  name: 'linkerd-trust-anchor',
  duration: '78840h',
  renewBefore: '8760h',
};

export const defaults: LinkerdConfig = {
  highAvailability: false,
  replicas: 1,
  webhookFailurePolicy: undefined,
  trustAnchors: [DEFAULT_TRUST_ANCHOR],
  issuingAnchor: DEFAULT_TRUST_ANCHOR.name,
  identityIssuer: { duration: '6600h', renewBefore: '2160h' },
  webhookCertificates: { duration: '2160h', renewBefore: '720h' },
  defaultInboundPolicy: 'all-unauthenticated',
  probeNetworks: ['0.0.0.0/0', '::/0'],
  resources: {
    controller: controllerResources,
    identity: { requests: { cpu: '100m', memory: '10Mi' }, limits: { cpu: undefined, memory: '250Mi' } },
    proxy: { requests: { cpu: '100m', memory: '20Mi' }, limits: { cpu: undefined, memory: '250Mi' } },
  },
  logLevel: 'info',
  crdsComponent: 'linkerd-crds',
  cniComponent: 'linkerd-cni',
  trustComponent: 'linkerd-identity-trust',
  extraValues: {},
};

export const trustDefaults: LinkerdTrustConfig = {
  trustAnchors: [DEFAULT_TRUST_ANCHOR],
  certManagerComponent: 'cert-manager',
  trustManagerComponent: 'trust-manager',
  controlPlaneNamespace: 'linkerd',
};

export const vizDefaults: LinkerdVizConfig = {
  prometheus: true,
  replicas: 1,
  resources: controllerResources,
  prometheusResources: { requests: { cpu: '300m', memory: '300Mi' }, limits: { cpu: undefined, memory: '8Gi' } },
  certificates: { duration: '2160h', renewBefore: '720h' },
  controlPlaneComponent: 'linkerd-control-plane',
  extraValues: {},
};
