import { certManager } from '@platform/cert-manager';
import type { AnyComponent } from '@platform/core';
import { externalSecrets } from '@platform/external-secrets';
import { barmanCloud, cloudnativePg } from './index.js';

/** What a cluster needs around it: cert-manager, External Secrets, the operator and the Barman Cloud plugin. */
export function supportingComponents(): AnyComponent[] {
  return [
    certManager(),
    externalSecrets({ store: { server: 'https://vault.example.com:8200' } }),
    cloudnativePg(),
    barmanCloud(),
  ];
}
