import type { BuildContext } from '@platform/core';
import { externalSecret, type IExternalSecret } from '@platform/external-secrets';
import type { ExternalDnsConfig } from './config.js';
import type { DnsProviderConfig } from './providers.js';

/** The Secret (delivered by External Secrets) holding the provider's credential, and its key. */
export interface ProviderCredential {
  secret: string;
  key: string;
}

/** The credential Secret a provider needs: Cloudflare's API token, RFC 2136's TSIG secret; none for Route53. */
export function providerCredential(provider: DnsProviderConfig): ProviderCredential | undefined {
  if (provider.type === 'cloudflare') return { secret: 'external-dns-cloudflare', key: 'api-token' };
  if (provider.type === 'rfc2136') return { secret: 'external-dns-rfc2136', key: 'tsig-secret' };
  return undefined;
}

/** The ExternalSecret delivering the credential from the platform's secret store, when the provider has one. */
export function credentialExternalSecret(context: BuildContext<ExternalDnsConfig>): IExternalSecret | undefined {
  const provider = context.config.provider!;
  const credential = providerCredential(provider);
  if (!credential) return undefined;
  const stored =
    provider.type === 'cloudflare' ? provider.apiToken : provider.type === 'rfc2136' ? provider.tsig.secret : undefined;
  return externalSecret({
    name: credential.secret,
    namespace: context.namespace,
    store: context.peers.require('secretStore', `the ${provider.type} credential of external-dns`).storeRef,
    data: { [credential.key]: { key: stored!.key, ...(stored!.property ? { property: stored!.property } : {}) } },
    component: context.name,
  });
}
