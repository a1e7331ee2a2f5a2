import type { BuildContext, KubeObject } from '@platform/core';
import { externalSecret } from '@platform/external-secrets';
import type { CertManagerConfig } from '../config.js';
import { acmeCredential } from './credentials.js';
import { acmeClusterIssuers } from './issuers.js';

/**
 * Let's Encrypt's ClusterIssuers and, for a DNS provider with a credential (Cloudflare's token, RFC 2136's TSIG
 * secret), the ExternalSecret that delivers it into cert-manager's namespace from the environment's store.
 */
export function letsEncryptObjects(context: BuildContext<CertManagerConfig>): Record<string, KubeObject> {
  const { letsEncrypt } = context.config;
  if (!letsEncrypt.enabled) return {};
  const credential = acmeCredential(letsEncrypt.dns01);
  const store = credential
    ? context.peers.require('secretStore', `the ${letsEncrypt.dns01?.type} credential of Let's Encrypt's DNS-01 solver`)
    : undefined;
  return {
    ...acmeClusterIssuers(context, letsEncrypt),
    ...(credential && store
      ? {
          acme_dns_credential_externalsecret: externalSecret({
            name: credential.secret,
            namespace: context.namespace,
            component: context.name,
            store: store.storeRef,
            data: { [credential.key]: credential.stored },
          }),
        }
      : {}),
  };
}
