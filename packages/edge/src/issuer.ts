import { type CertificateIssuer, type Peers, PlatformError } from '@platform/core';

/** The issuer the edge requests its certificates from. */
export interface EdgeIssuer {
  issuerRef: CertificateIssuer['issuerRef'];
  /** Whether it issues wildcard names (ACME needs DNS-01 for them; a CA issues anything). */
  wildcards: boolean;
  /** Whether its certificates are publicly trusted (ACME), for rate limits and CT logs. */
  public: boolean;
}

/**
 * The environment's issuer for edge certificates: the public ACME issuer when there is one (browsers and other
 * clusters trust it without a private CA), otherwise the platform's own CA (a self-hosted environment, whose
 * clients trust the platform root).
 */
export function edgeIssuer(peers: Peers, component: string): EdgeIssuer {
  const acme = peers.find('publicCertificateIssuer');
  if (acme) return { issuerRef: { ...acme.issuerRef }, wildcards: acme.wildcards, public: true };
  const ca = peers.find('certificateIssuer');
  if (ca) return { issuerRef: { ...ca.issuerRef }, wildcards: true, public: false };
  throw new PlatformError({
    component,
    message:
      'the edge terminates TLS and needs a certificate issuer; add @platform/cert-manager (its platform CA) or an ACME issuer (publicCertificateIssuer)',
  });
}
