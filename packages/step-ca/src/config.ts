import type { NetworkPeer, ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** The offline root: only its public certificate is in the cluster (and in git). */
export interface RootConfig {
  /**
   * The root certificate, PEM, as the offline ceremony wrote it (`root_ca.crt`; see the README). Public material:
   * commit it. No default: every environment has its own root.
   */
  certificate: string;
  /** Validity the ceremony gave the root (`step certificate create --not-after`), a Go duration. Checked against the certificate. Default `175200h` (20 years). */
  duration: string;
  /**
   * How long before expiry the next root is made and distributed (manual rotation), a Go duration. At least the
   * intermediate's lifetime plus 7 days, so no intermediate signed before the rotation outlives the root. Default
   * `52560h` (6 years).
   */
  renewBefore: string;
}

/** The online intermediate step-ca signs with: made offline under the root, delivered by External Secrets. */
export interface IntermediateConfig {
  /** Validity the ceremony gives it, a Go duration. Default `43800h` (5 years). */
  duration: string;
  /**
   * How long before expiry a new intermediate is made and put in the secret store (manual rotation), a Go
   * duration. At least the longest leaf lifetime plus 7 days, so no leaf outlives it. Default `2400h` (100 days).
   */
  renewBefore: string;
  /**
   * Where External Secrets reads the intermediate from: a secret in the store with the certificate, the
   * encrypted key and the key's password. Default path `platform/<environment>/step-ca/intermediate`.
   */
  secret: { key: string; certificateProperty: string; keyProperty: string; passwordProperty: string };
}

/** Lifetime bounds of what a provisioner signs (step-ca `claims`), Go durations. */
export interface ClaimsConfig {
  minTLSCertDuration: string;
  maxTLSCertDuration: string;
  defaultTLSCertDuration: string;
}

/** The JWK provisioner step-issuer signs cert-manager's CertificateRequests with. */
export interface IssuerProvisionerConfig {
  /** Provisioner name (the tokens' issuer). Default `step-issuer`. */
  name: string;
  /**
   * The provisioner's public key, a JWK object with its `kid` (from the ceremony's `ca.json`). No default.
   */
  key: Record<string, string>;
  /**
   * The private key encrypted with the provisioner password, JWE compact serialization (from the same `ca.json`).
   * step-ca serves it to anyone at `/provisioners`; only the password, delivered by External Secrets, opens it. No default.
   */
  encryptedKey: string;
  /** Default: certificates of 1h to 90 days (cert-manager's `certificate()` default), 90 days when unspecified. */
  claims: ClaimsConfig;
  /** Where External Secrets reads the provisioner password. Default path `platform/<environment>/step-ca/provisioner`, property `password`. */
  passwordSecret: { key: string; property: string };
}

/** The ACME provisioner, for clients in the cluster that speak ACME (cert-manager ACME issuers, Caddy, Traefik ...). */
export interface AcmeConfig {
  /** Render the ACME provisioner. Default true. */
  enabled: boolean;
  /** Provisioner name; the directory is `https://<service>:9000/acme/<name>/directory`. Default `acme`. */
  name: string;
  /** Challenge types it offers. step-ca connects to the client on port 80 for `http-01`, 443 for `tls-alpn-01`. Default `http-01`, `dns-01`. */
  challenges: Array<'http-01' | 'dns-01' | 'tls-alpn-01'>;
  /** Default: step-ca's own, 5m to 24h, 24h when unspecified. */
  claims: ClaimsConfig;
  /** Who may reach the CA on its port (ACME clients; step-issuer in the same namespace always may). Default none. */
  clients: NetworkPeer[];
}

/** Configuration of `@platform/step-ca`. */
export interface StepCaConfig {
  /** Images, pinned. Defaults `smallstep/step-ca:0.30.2`, `quay.io/enix/x509-certificate-exporter:4.2.0`. */
  images: { stepCa: string; x509Exporter: string };
  root: RootConfig;
  intermediate: IntermediateConfig;
  /** Extra DNS names in step-ca's own serving certificate besides its Service's names. Default none. */
  dnsNames: string[];
  issuerProvisioner: IssuerProvisionerConfig;
  acme: AcmeConfig;
  /** The StepClusterIssuer cert-manager issues from. Name default `step-ca`. */
  issuer: { name: string };
  /** The database (badger: ACME accounts and orders, issued certificates). Default 2Gi, the cluster's default class. */
  storage: { size: string; storageClassName?: string };
  /**
   * Resources. Defaults: step-ca 50m/64Mi (limit 256Mi), step-issuer 20m/64Mi (limit 128Mi), the x509 exporter
   * 10m/32Mi (limit 64Mi).
   */
  resources: { stepCa: ResourceRequirements; stepIssuer: ResourceRequirements; x509Exporter: ResourceRequirements };
  /** Name of the `@platform/cert-manager` component, whose controller approves and reads step-issuer's requests. Default `cert-manager`. */
  certManagerComponent: string;
  /** step-issuer controller replicas (leader-elected). Default 2. */
  stepIssuerReplicas: number;
  /** Alerts (rendered when the environment renders ServiceMonitors). */
  alerts: {
    /** Days before expiry of the root or the intermediate that warn, then page. Default 30 and 7. */
    expiryDays: { warning: number; critical: number };
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Base of every alert's `runbook_url`; the alert name in lower case is the anchor. Default this package's README. */
    runbookUrl: string;
  };
  /** step-issuer chart values deep-merged over the ones this package sets (escape hatch). Default none. */
  extraValues: Record<string, unknown>;
}

const none = undefined;

export const defaults: StepCaConfig = {
  images: { stepCa: 'smallstep/step-ca:0.30.2', x509Exporter: 'quay.io/enix/x509-certificate-exporter:4.2.0' },
  root: { certificate: '', duration: '175200h', renewBefore: '52560h' },
  intermediate: {
    duration: '43800h',
    renewBefore: '2400h',
    secret: {
      key: '',
      certificateProperty: 'intermediate_ca.crt',
      keyProperty: 'intermediate_ca_key',
      passwordProperty: 'password',
    },
  },
  dnsNames: [],
  issuerProvisioner: {
    name: 'step-issuer',
    key: {},
    encryptedKey: '',
    claims: { minTLSCertDuration: '1h', maxTLSCertDuration: '2160h', defaultTLSCertDuration: '2160h' },
    passwordSecret: { key: '', property: 'password' },
  },
  acme: {
    enabled: true,
    name: 'acme',
    challenges: ['http-01', 'dns-01'],
    claims: { minTLSCertDuration: '5m', maxTLSCertDuration: '24h', defaultTLSCertDuration: '24h' },
    clients: [],
  },
  issuer: { name: 'step-ca' },
  storage: { size: '2Gi', storageClassName: none },
  resources: {
    stepCa: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: none, memory: '256Mi' } },
    stepIssuer: { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: none, memory: '128Mi' } },
    x509Exporter: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: none, memory: '64Mi' } },
  },
  certManagerComponent: 'cert-manager',
  stepIssuerReplicas: 2,
  alerts: {
    expiryDays: { warning: 30, critical: 7 },
    team: 'platform',
    runbookUrl: 'https://git.example.com/platform/platform/-/blob/main/packages/step-ca/README.md',
  },
  extraValues: {},
};
