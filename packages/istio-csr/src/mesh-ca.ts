import { certificate, type ICertificate, type IIssuer } from '@platform/cert-manager';
import { type BuildContext, stageAnnotations, standardLabels } from '@platform/core';
import type { IstioCsrConfig } from './config.js';

/*
 * The mesh CA is issued before the chart starts (stage -1, ahead of the chart's stage 0): istio-csr asks its Issuer
 * for its own serving certificate at start-up, and Argo CD's health check of a Certificate waits until it is Ready.
 */
const MESH_CA_STAGE = -1;

/**
 * The mesh CA in Istio's namespace: an intermediate CA Certificate from the configured issuer (the platform's CA by
 * default) and the CA Issuer istio-csr signs workload certificates with. Because istio-csr distributes the root
 * (`rootCAFile`) and not this intermediate, rotating it — cert-manager does, `renewBefore` ahead — changes nothing
 * for the workloads.
 */
export function meshCa(context: BuildContext<IstioCsrConfig>): {
  mesh_ca_certificate: ICertificate;
  mesh_ca_issuer: IIssuer;
} {
  const { name, config, peers } = context;
  const { meshCA } = config;
  const issuerRef =
    meshCA.issuerRef ??
    peers.require('certificateIssuer', "istio-csr's mesh CA is issued under the platform's root").issuerRef;
  const ca = certificate({
    name: meshCA.name,
    namespace: config.istioNamespace,
    component: name,
    commonName: `${meshCA.name}.${config.trustDomain}`,
    isCA: true,
    duration: meshCA.duration,
    renewBefore: meshCA.renewBefore,
    privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
  });
  // Set after: certificate() takes cert-manager's own issuer kinds, and an external one (step-issuer's) is as good.
  ca.spec!.issuerRef = { name: issuerRef.name, kind: issuerRef.kind, group: issuerRef.group };
  ca.metadata!.annotations = stageAnnotations(MESH_CA_STAGE);
  return {
    mesh_ca_certificate: ca,
    mesh_ca_issuer: {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Issuer',
      metadata: {
        name: meshCA.name,
        namespace: config.istioNamespace,
        labels: standardLabels(name, 'issuer'),
        annotations: stageAnnotations(MESH_CA_STAGE),
      },
      spec: { ca: { secretName: meshCA.name } },
    },
  };
}
