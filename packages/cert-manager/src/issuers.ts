import { type BuildContext, stageAnnotations, standardLabels } from '@platform/core';
import { CA_ISSUER_NAME, certificate } from './certificate.js';
import type { CertManagerConfig } from './config.js';
import type { ICertificate, IClusterIssuer } from './kinds.js';

/** Name of the self-signed ClusterIssuer that only signs the root CA. */
export const BOOTSTRAP_ISSUER_NAME = 'platform-selfsigned-bootstrap';
/** Name of the root CA Certificate and of the Secret holding its key pair (in the cert-manager namespace). */
export const ROOT_CA_NAME = 'platform-root-ca';

/*
 * First-sync stages inside the cert-manager Application: the chart (wave 0, webhook included) must be healthy before
 * cert-manager's webhook can admit issuers, and the root certificate must be issued before the CA issuer
 * that reads its Secret can become ready.
 */
const ISSUER_STAGE = 1;
const CA_STAGE = 2;

function clusterIssuer(name: string, component: string, stage: number, spec: IClusterIssuer['spec']): IClusterIssuer {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name, labels: standardLabels(component, 'issuer'), annotations: stageAnnotations(stage) },
    spec,
  };
}

/**
 * The platform's private PKI: a self-signed ClusterIssuer that signs only the root, the root CA Certificate
 * (ECDSA, in the cert-manager namespace, where ClusterIssuers read Secrets from), and the `platform-ca`
 * ClusterIssuer that signs everything else with that root.
 */
export function issuers({ name, namespace, config }: BuildContext<CertManagerConfig>): {
  selfsigned_clusterissuer: IClusterIssuer;
  root_ca_certificate: ICertificate;
  ca_clusterissuer: IClusterIssuer;
} {
  const root = certificate({
    name: ROOT_CA_NAME,
    namespace,
    component: name,
    commonName: config.rootCA.commonName,
    isCA: true,
    duration: config.rootCA.duration,
    renewBefore: config.rootCA.renewBefore,
    // The root keeps its key across renewals: every trust store that holds the old root keeps validating.
    privateKey: { algorithm: 'ECDSA', size: config.rootCA.keySize, rotationPolicy: 'Never' },
    issuerRef: { name: BOOTSTRAP_ISSUER_NAME, kind: 'ClusterIssuer', group: 'cert-manager.io' },
  });
  root.metadata!.annotations = stageAnnotations(ISSUER_STAGE);
  return {
    selfsigned_clusterissuer: clusterIssuer(BOOTSTRAP_ISSUER_NAME, name, ISSUER_STAGE, { selfSigned: {} }),
    root_ca_certificate: root,
    ca_clusterissuer: clusterIssuer(CA_ISSUER_NAME, name, CA_STAGE, { ca: { secretName: ROOT_CA_NAME } }),
  };
}
