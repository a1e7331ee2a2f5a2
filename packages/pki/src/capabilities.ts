/**
 * The PKI facts libraries declare that no rendered object holds: lifetimes of certificates made outside
 * cert-manager (an offline root, step-ca's intermediate, the leaves a product issues itself), and the roots the
 * platform must trust. The expiry calendar, the CA expiry rule and trust-manager read them from every component.
 */
import type { EndpointOwner } from '@platform/core';

/** Where a declared certificate sits in its chain. */
export type CertificateRole = 'root' | 'intermediate' | 'leaf';

/**
 * A certificate (or, for leaves, a class of certificates) whose lifetime a library knows but the environment does
 * not render as a cert-manager `Certificate`: step-ca's offline root and its intermediate, the 24h leaves it signs.
 */
export interface DeclaredCertificate extends EndpointOwner {
  /** Stable, human name in the calendar, e.g. `step-ca root`. Unique within the component. */
  name: string;
  role: CertificateRole;
  /** Validity, a Go duration (`87600h`). */
  duration: string;
  /**
   * How long before expiry it is replaced, a Go duration: cert-manager's or the product's renewal for
   * `automatic` rotation, the runbook's lead time for `manual` rotation.
   */
  renewBefore: string;
  /** Who replaces it: the software (`automatic`) or people following a runbook (`manual`). */
  rotation: 'automatic' | 'manual';
  /** `name` of the declared certificate that signs it (same component); absent for a root. */
  issuer?: string;
  /** Where the rotation is documented, for manual rotations. */
  runbook?: string;
}

/** A cert-manager issuer reference of any issuer type (external issuers such as step-issuer's included). */
export interface AnyIssuerRef {
  name: string;
  kind: string;
  group: string;
}

/**
 * A root certificate the platform must trust, published by the library that runs the CA (step-ca's offline root):
 * trust-manager puts it in the bundle, and the chain walk knows which issuers sign under it.
 */
export interface TrustAnchor extends EndpointOwner {
  /** Name, e.g. `step-ca root`; the `name` of the matching {@link DeclaredCertificate}, if one is declared. */
  name: string;
  /** The root certificate, PEM. Public material: it belongs in git. */
  certificate: string;
  /** cert-manager issuers whose certificates chain to this root. */
  issuers: AnyIssuerRef[];
}

declare module '@platform/core' {
  interface Capabilities {
    /** Certificate lifetimes a library declares (offline CAs, product-issued leaves); see {@link DeclaredCertificate}. */
    certificateLifetime: DeclaredCertificate;
    /** Roots the platform trusts besides cert-manager's, for the trust bundle; see {@link TrustAnchor}. */
    trustAnchor: TrustAnchor;
  }
}
