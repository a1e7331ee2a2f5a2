import type { IExternalSecret as ExternalSecretObject } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret';
import type { KindDefinition, KubeObject, ProducedObject } from '@platform/core';

export type { IClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore';
export type { IExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret';
export type { ISecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/SecretStore';

/**
 * The Secret an ExternalSecret writes: `spec.target.name`, defaulting to the ExternalSecret's name; with
 * creationPolicy `Merge` or `None` the operator only updates a Secret someone else creates
 * (v2.9.0 pkg/controllers/externalsecret/externalsecret_controller.go:295-299, 513-518).
 */
function externalSecretTarget(object: KubeObject): ProducedObject[] {
  const { spec, metadata } = object as ExternalSecretObject;
  const policy = spec?.target?.creationPolicy ?? 'Owner';
  if (policy === 'Merge' || policy === 'None') return [];
  return [{ kind: 'Secret', name: spec?.target?.name || (metadata?.name ?? '') }];
}

/** External Secrets' kinds that components render, validated by their kubernetes-models classes. */
export const EXTERNAL_SECRETS_KINDS: readonly KindDefinition[] = [
  {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    scope: 'Namespaced',
    produces: externalSecretTarget,
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
