import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** A cert-manager issuer of any type (external issuers such as step-issuer's `StepClusterIssuer` included). */
export interface IssuerRefConfig {
  name: string;
  kind: string;
  group: string;
}

/** The mesh CA: an intermediate cert-manager issues under the internal root, which signs every workload certificate. */
export interface MeshCaConfig {
  /** Name of the CA Certificate, its Secret and the Issuer istio-csr uses, in the mesh namespace. Default `istio-ca`. */
  name: string;
  /**
   * Validity, a Go duration. Default `7560h` (315 days): shorter than the platform root's renewBefore less a week
   * (`certificates.ca-outlives-signed`), and with expiries that stay two months away from those of the other CAs'
   * defaults over twenty years (`pki.ca-expiries-apart`).
   */
  duration: string;
  /** Renewed this long before expiry, a Go duration; at least a week longer than any certificate it signs. Default `720h`. */
  renewBefore: string;
  /**
   * The issuer that signs the mesh CA. Default: the environment's `certificateIssuer` (cert-manager's platform CA).
   * Any issuer that can sign a CA certificate under a root in the trust bundle will do.
   */
  issuerRef?: IssuerRefConfig;
}

/** Configuration of `@platform/istio-csr`. */
export interface IstioCsrConfig {
  /** Replicas; every replica serves CSRs. Default 2. */
  replicas: number;
  /** PodDisruptionBudget (maxUnavailable 1). Default true. */
  podDisruptionBudget: boolean;
  /** Resources. Default 50m/64Mi, memory limit 256Mi. */
  resources: ResourceRequirements;
  meshCA: MeshCaConfig;
  /** Istio's trust domain, as in `meshConfig.trustDomain`. Default `cluster.local` (Istio's default). */
  trustDomain: string;
  /** Longest workload certificate istio-csr signs (`app.server.maxCertificateDuration`), a Go duration. Default `1h`. */
  maxWorkloadCertificateDuration: string;
  /** istiod's serving certificate (a chart Certificate): lifetime and renewal, Go durations. Default `1h`, `30m`. */
  istiodCertificate: { duration: string; renewBefore: string };
  /** The namespace of Istio's control plane and of the mesh CA. Default `istio-system`. */
  istioNamespace: string;
  /** Istio revisions istio-csr serves (istiod's DNS names in its certificate). Default `['default']`. */
  revisions: string[];
  /** Components to come after: cert-manager (the issuers), trust-manager (the root file), istio-base (the namespace). */
  after: { certManager: string; trustManager: string; istioBase: string };
  /** Alerts (rendered when the environment renders ServiceMonitors). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Base of every alert's `runbook_url`; the alert name in lower case is the anchor. Default this package's README. */
    runbookUrl: string;
  };
  /** Log level; istio-csr's verbosity (`app.logLevel`, 1 to 5) is 5 for `debug`, 1 otherwise. Default `info`. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: IstioCsrConfig = {
  replicas: 2,
  podDisruptionBudget: true,
  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: undefined, memory: '256Mi' } },
  meshCA: { name: 'istio-ca', duration: '7560h', renewBefore: '720h', issuerRef: undefined },
  trustDomain: 'cluster.local',
  maxWorkloadCertificateDuration: '1h',
  istiodCertificate: { duration: '1h', renewBefore: '30m' },
  istioNamespace: 'istio-system',
  revisions: ['default'],
  after: { certManager: 'cert-manager', trustManager: 'trust-manager', istioBase: 'istio-base' },
  alerts: {
    team: 'platform',
    runbookUrl: 'https://git.example.com/platform/platform/-/blob/main/packages/istio-csr/README.md',
  },
  logLevel: 'info',
  extraValues: {},
};
