/** Where a credential lives in the platform's secret store (delivered by an ExternalSecret, never rendered). */
export interface StoredCredential {
  /** Path of the secret in the store, relative to its mount, e.g. `platform/prod/cloudflare`. */
  key: string;
  /** Field of that secret holding the value. Default: the whole secret. */
  property?: string;
}

/**
 * The DNS provider DNS-01 challenges are answered through. Its shape is `DnsProviderConfig` of
 * `@platform/external-dns`, so an environment passes one value to both and records and challenges go to one
 * provider: Route53 with the controller's ambient credentials (IRSA or EKS Pod Identity), Cloudflare with an API
 * token, or a self-hosted server over RFC 2136 with a TSIG key.
 */
export type AcmeDnsProvider =
  | {
      type: 'route53';
      region: string;
      /** Hosted zones; with exactly one, cert-manager skips looking the zone up. Default: looked up. */
      hostedZoneIds?: string[];
      /** `irsa`: the role goes on cert-manager's ServiceAccount (chart `serviceAccount.annotations`). */
      auth: { type: 'irsa'; roleArn: string } | { type: 'pod-identity' };
    }
  | { type: 'cloudflare'; apiToken: StoredCredential; proxied?: boolean }
  | {
      type: 'rfc2136';
      /** `host:port` of the primary server. */
      nameserver: string;
      zone: string;
      tsig: { keyName: string; algorithm: 'hmac-sha1' | 'hmac-sha256' | 'hmac-sha512'; secret: StoredCredential };
    };

/** Where HTTP-01 challenges are answered: an Ingress of the edge's class, or an HTTPRoute of its Gateway. */
export type AcmeHttp01 =
  | { ingressClassName: string }
  | { gateway: { name: string; namespace: string; sectionName?: string } };

/** Let's Encrypt's ClusterIssuers (`letsencrypt-staging`, `letsencrypt`). */
export interface AcmeIssuersConfig {
  /** Render both ClusterIssuers. Default false. */
  enabled: boolean;
  /** Contact address of the ACME account. Required when enabled. Default `''`. */
  email: string;
  /**
   * Which issuer the environment's public certificates come from (`publicCertificateIssuer`): `staging` while
   * trying things out (its certificates are not trusted, its rate limits are generous), `production`. Default
   * `production`.
   */
  use: 'staging' | 'production';
  /** DNS-01 through this provider: wildcards, and every name in `dnsZones`. Default none (no wildcards). */
  dns01: AcmeDnsProvider | undefined;
  /** Zones DNS-01 answers for (the solver's `selector.dnsZones`). Default `[]`: the environment's base domain. */
  dnsZones: string[];
  /** HTTP-01 through the edge, for names DNS-01 does not cover. Default none. */
  http01: AcmeHttp01 | undefined;
}

/** {@link AcmeIssuersConfig}'s defaults. */
export const ACME_DEFAULTS: AcmeIssuersConfig = {
  enabled: false,
  email: '',
  use: 'production',
  dns01: undefined,
  dnsZones: [],
  http01: undefined,
};

/** Let's Encrypt's ACME directories (https://letsencrypt.org/docs/staging-environment/, https://letsencrypt.org/getting-started/). */
export const LETSENCRYPT_SERVERS = {
  staging: 'https://acme-staging-v02.api.letsencrypt.org/directory',
  production: 'https://acme-v02.api.letsencrypt.org/directory',
} as const;

/** The ClusterIssuers' names. */
export const LETSENCRYPT_ISSUERS = { staging: 'letsencrypt-staging', production: 'letsencrypt' } as const;
