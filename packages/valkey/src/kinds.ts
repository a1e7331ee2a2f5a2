import { CERT_MANAGER_KINDS } from '@platform/cert-manager';
import type { KindDefinition } from '@platform/core';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';

/** The CRD kinds Valkey renders: the password's ExternalSecret and, with TLS, the Certificate. */
export const VALKEY_KINDS: readonly KindDefinition[] = [
  ...EXTERNAL_SECRETS_KINDS.filter((kind) => kind.kind === 'ExternalSecret'),
  ...CERT_MANAGER_KINDS.filter((kind) => kind.kind === 'Certificate'),
];
