import type { AcmeDnsProvider, StoredCredential } from './config.js';

/** A Secret the DNS-01 solver reads, in cert-manager's namespace (where ClusterIssuers read Secrets from). */
export interface AcmeCredential {
  /** Secret name. */
  secret: string;
  /** Key of the value in the Secret. */
  key: string;
  /** Where the value is in the secret store. */
  stored: StoredCredential;
}

/**
 * The Secret a DNS-01 provider needs (Cloudflare's API token, RFC 2136's TSIG secret; none for Route53, whose
 * credentials are the controller's ambient ones), for an ExternalSecret to deliver:
 * `externalSecret({ name: c.secret, namespace: 'cert-manager', data: { [c.key]: c.stored } })`.
 */
export function acmeCredential(provider: AcmeDnsProvider | undefined): AcmeCredential | undefined {
  if (provider?.type === 'cloudflare')
    return { secret: 'acme-cloudflare', key: 'api-token', stored: provider.apiToken };
  if (provider?.type === 'rfc2136') return { secret: 'acme-rfc2136', key: 'tsig-secret', stored: provider.tsig.secret };
  return undefined;
}
