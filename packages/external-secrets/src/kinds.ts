import type { KindDefinition } from '@platform/core';

export type { IClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore';
export type { IExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret';
export type { ISecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/SecretStore';

/** External Secrets' kinds that components render, validated by their kubernetes-models classes. */
export const EXTERNAL_SECRETS_KINDS: readonly KindDefinition[] = [
  {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    scope: 'Namespaced',
    schema: {
      model: async () =>
        (await import('@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret')).ExternalSecret,
    },
  },
  {
    apiVersion: 'external-secrets.io/v1',
    kind: 'SecretStore',
    scope: 'Namespaced',
    schema: {
      model: async () =>
        (await import('@kubernetes-models/external-secrets/external-secrets.io/v1/SecretStore')).SecretStore,
    },
  },
  {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    scope: 'Cluster',
    schema: {
      model: async () =>
        (await import('@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore'))
          .ClusterSecretStore,
    },
  },
];
