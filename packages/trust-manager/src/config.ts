import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** The one Bundle this package renders: what it holds and where trust-manager writes it. */
export interface BundleConfig {
  /** Name of the Bundle and of the ConfigMap it writes into every labelled namespace. Default `platform-trust-bundle`. */
  name: string;
  /** Key of the PEM bundle in that ConfigMap, a file name. Default `ca-certificates.crt`. */
  key: string;
  /** The label a namespace carries to receive the bundle. Default `trust.platform.dev/bundle: "true"`. */
  namespaceLabel: { key: string; value: string };
  /**
   * Include the root of `@platform/cert-manager` (its Secret `platform-root-ca`, key `ca.crt`, in cert-manager's
   * namespace, where trust-manager reads sources). Default true; set false when the environment has no such root.
   */
  certManagerRoot: boolean;
  /** Include every root the environment's components publish as `trustAnchor` (step-ca's offline root). Default true. */
  trustAnchors: boolean;
  /** More roots to trust, PEM (public material). Default none. */
  extraCertificates: string[];
  /**
   * Include the public roots (Debian's ca-certificates, trust-manager's `useDefaultCAs`). Pods that get the bundle
   * as `SSL_CERT_FILE` replace their system store with it, so turn this on when they also call public endpoints.
   * Default false: the internal PKI alone.
   */
  publicRoots: boolean;
}

/** Configuration of `@platform/trust-manager`. */
export interface TrustManagerConfig {
  /** Controller replicas; one leads, the others serve the webhook. Default 2. */
  replicas: number;
  /** PodDisruptionBudget (maxUnavailable 1). Default true. */
  podDisruptionBudget: boolean;
  /**
   * Resources. Defaults: controller 25m/64Mi (limit 256Mi: it caches the Secrets and ConfigMaps it watches),
   * defaultPackage (the init container copying the public roots) 10m/32Mi (limit 64Mi).
   */
  resources: { controller: ResourceRequirements; defaultPackage: ResourceRequirements };
  bundle: BundleConfig;
  /** Drop expired certificates from the bundle (`--filter-expired-certificates`). Default true. */
  filterExpiredCertificates: boolean;
  /**
   * Lifetime of the webhook's serving certificate, which the chart has cert-manager issue from a self-signed Issuer
   * (`app.webhook.tls.certificate.duration`; cert-manager renews it when a third is left). Default `2160h`.
   */
  webhookCertificateDuration: string;
  /** Name of the `@platform/cert-manager` component: its namespace is trust-manager's trust namespace. Default `cert-manager`. */
  certManagerComponent: string;
  /** Alerts (rendered when the environment renders ServiceMonitors). */
  alerts: {
    /** `team` label of every alert, for routing. Default `platform`. */
    team: string;
    /** Base of every alert's `runbook_url`; the alert name in lower case is the anchor. Default this package's README. */
    runbookUrl: string;
  };
  /** Log level; trust-manager's verbosity (`app.logLevel`, 1 to 5) is 5 for `debug`, 1 otherwise. Default `info`. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: TrustManagerConfig = {
  replicas: 2,
  podDisruptionBudget: true,
  resources: {
    controller: { requests: { cpu: '25m', memory: '64Mi' }, limits: { cpu: undefined, memory: '256Mi' } },
    defaultPackage: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: undefined, memory: '64Mi' } },
  },
  bundle: {
    name: 'platform-trust-bundle',
    key: 'ca-certificates.crt',
    namespaceLabel: { key: 'trust.platform.dev/bundle', value: 'true' },
    certManagerRoot: true,
    trustAnchors: true,
    extraCertificates: [],
    publicRoots: false,
  },
  filterExpiredCertificates: true,
  webhookCertificateDuration: '2160h',
  certManagerComponent: 'cert-manager',
  alerts: {
    team: 'platform',
    runbookUrl: 'https://git.example.com/platform/platform/-/blob/main/packages/trust-manager/README.md',
  },
  logLevel: 'info',
  extraValues: {},
};
