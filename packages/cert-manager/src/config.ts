import type { ResourceRequirements } from '@platform/core';
import { ACME_DEFAULTS, type AcmeIssuersConfig } from './acme/config.js';

export type { ResourceRequirements };

/** ECDSA key sizes of the root CA (curves P-256 and P-384). */
export const ROOT_KEY_SIZES = [256, 384] as const;
type RootKeySize = (typeof ROOT_KEY_SIZES)[number];

/** The self-signed root of the platform's private PKI. */
export interface RootCAConfig {
  /** Subject common name of the root certificate. Default `Platform Root CA`. */
  commonName: string;
  /** ECDSA curve of the root key: 256 (P-256) or 384 (P-384). Default 384. */
  keySize: RootKeySize;
  /** Validity of the root certificate, a Go duration. Default `87600h` (10 years). */
  duration: string;
  /** Renew the root this long before it expires, a Go duration. Default `8760h` (1 year). */
  renewBefore: string;
}

/** Configuration of `@platform/cert-manager`. */
export interface CertManagerConfig {
  /** Replicas per part. cert-manager elects a leader, so extra controller and cainjector replicas are warm standbys. Default 2 each. */
  replicas: { controller: number; webhook: number; cainjector: number };
  /** PodDisruptionBudgets (maxUnavailable 1) for the controller, webhook and cainjector. Default true. */
  podDisruptionBudget: boolean;
  /**
   * Container resources per part. Defaults: controller 50m/128Mi (limit 512Mi), webhook 20m/64Mi (limit 128Mi),
   * cainjector 20m/128Mi (limit 512Mi: it caches the Secrets it injects), startupapicheck 10m/32Mi (limit 64Mi).
   */
  resources: {
    controller: ResourceRequirements;
    webhook: ResourceRequirements;
    cainjector: ResourceRequirements;
    startupapicheck: ResourceRequirements;
  };
  /** The platform root CA behind the `platform-ca` ClusterIssuer. */
  rootCA: RootCAConfig;
  /** ACME (e.g. Let's Encrypt) support. */
  acme: {
    /**
     * Allow the controller egress to the internet for ACME: 443 (ACME API, DNS provider APIs), 80 (HTTP-01
     * self-check), 53 (DNS-01 propagation check). Default false; always on with `letsEncrypt.enabled`.
     */
    egress: boolean;
  };
  /**
   * Let's Encrypt's staging and production ClusterIssuers, DNS-01 through the environment's DNS provider and/or
   * HTTP-01 through its edge; the one `use` names is the environment's `publicCertificateIssuer`. Default off.
   */
  letsEncrypt: AcmeIssuersConfig;
  /** Alerts (rendered when the environment renders ServiceMonitors). */
  alerts: {
    /** Warn when a certificate expires within this many days. Must be shorter than every renewBefore, so it only fires when renewal is failing. Default 21. */
    expiryWarningDays: number;
  };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: CertManagerConfig = {
  replicas: { controller: 2, webhook: 2, cainjector: 2 },
  podDisruptionBudget: true,
  resources: {
    controller: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: undefined, memory: '512Mi' } },
    webhook: { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: undefined, memory: '128Mi' } },
    cainjector: { requests: { cpu: '20m', memory: '128Mi' }, limits: { cpu: undefined, memory: '512Mi' } },
    startupapicheck: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: undefined, memory: '64Mi' } },
  },
  rootCA: { commonName: 'Platform Root CA', keySize: 384, duration: '87600h', renewBefore: '8760h' },
  acme: { egress: false },
  letsEncrypt: ACME_DEFAULTS,
  alerts: { expiryWarningDays: 21 },
  extraValues: {},
};
