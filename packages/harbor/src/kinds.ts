import { CERT_MANAGER_KINDS } from '@platform/cert-manager';
import type { KindDefinition } from '@platform/core';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';

/** The CRD kinds this library renders: the ExternalSecrets of Harbor's secrets and the token-signing Certificate. */
export const HARBOR_KINDS: readonly KindDefinition[] = [
  ...EXTERNAL_SECRETS_KINDS.filter((kind) => kind.kind === 'ExternalSecret'),
  ...CERT_MANAGER_KINDS.filter((kind) => kind.kind === 'Certificate'),
];
