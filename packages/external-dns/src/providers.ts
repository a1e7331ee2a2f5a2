/** Where a credential lives in the platform's secret store (delivered by an ExternalSecret, never rendered). */
export interface StoredSecret {
  /** Path of the secret in the store, relative to its mount, e.g. `platform/prod/cloudflare`. */
  key: string;
  /** Field of that secret holding the value. Default: the whole secret. */
  property?: string;
}

/** TSIG algorithms both external-dns (`provider/rfc2136/rfc2136.go:100-106`) and cert-manager accept. */
export type TsigAlgorithm = 'hmac-sha1' | 'hmac-sha256' | 'hmac-sha512';

/**
 * The DNS provider, typed per provider. The same value configures cert-manager's ACME DNS-01 solver (its
 * `AcmeDnsProvider` has the same shape), so records and challenges go to one provider with one set of credentials.
 */
export type DnsProviderConfig =
  /** AWS Route53, credentials from the pod's ServiceAccount: IRSA (a role annotation) or EKS Pod Identity. */
  | {
      type: 'route53';
      region: string;
      /** Hosted zones to manage, by id; default every zone the credentials can see (limited by `domains`). */
      hostedZoneIds?: string[];
      auth: { type: 'irsa'; roleArn: string } | { type: 'pod-identity' };
    }
  /** Cloudflare, with an API token (Zone:DNS:Edit) from the secret store. */
  | { type: 'cloudflare'; apiToken: StoredSecret; proxied?: boolean }
  /** A self-hosted DNS server that accepts RFC 2136 dynamic updates signed with TSIG (BIND, Knot, PowerDNS). */
  | {
      type: 'rfc2136';
      /** `host:port` of the primary server. */
      nameserver: string;
      /** The zone updated, e.g. `lab.example.com`. */
      zone: string;
      tsig: { keyName: string; algorithm: TsigAlgorithm; secret: StoredSecret };
    };
