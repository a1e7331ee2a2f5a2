import type { ICertificate as CertificateObject } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { KindDefinition, KubeObject, ProducedObject } from '@platform/core';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';

export type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
export type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
export type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';

/** The Secret a Certificate is issued into (`spec.secretName`, required by the CRD). */
function certificateSecret(object: KubeObject): ProducedObject[] {
  const name = (object as CertificateObject).spec?.secretName;
  return name ? [{ kind: 'Secret', name }] : [];
}

/** cert-manager's kinds that components render, validated by their kubernetes-models classes. */
export const CERT_MANAGER_KINDS: readonly KindDefinition[] = [
  {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    scope: 'Namespaced',
    produces: certificateSecret,
    schema: {
      model: async () => (await import('@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate')).Certificate,
    },
  },
  {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Issuer',
    scope: 'Namespaced',
    schema: { model: async () => (await import('@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer')).Issuer },
  },
  {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    scope: 'Cluster',
    schema: {
      model: async () =>
        (await import('@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer')).ClusterIssuer,
    },
  },
  // Let's Encrypt's DNS-01 credential is delivered by an ExternalSecret.
  ...EXTERNAL_SECRETS_KINDS.filter((kind) => kind.kind === 'ExternalSecret'),
];
