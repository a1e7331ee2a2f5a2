import { certificate, type ICertificate } from '@platform/cert-manager';
import type { BuildContext } from '@platform/core';
import type { ContourConfig } from './config.js';

/** Secrets of the xDS TLS certificates, under the names Contour's examples mount (`contourcert`, `envoycert`). */
export const CONTOUR_CERT_SECRET = 'contourcert';
export const ENVOY_CERT_SECRET = 'envoycert';

/**
 * The mutual TLS between Envoy and Contour's xDS server, from the platform's private CA instead of the
 * `contour-certgen` Job of the upstream manifests: cert-manager writes `ca.crt`, `tls.crt` and `tls.key`, the
 * files the containers read (`--contour-cafile=/certs/ca.crt` ...). Envoy checks that the server's certificate
 * names `contour` (v1.33.6 `internal/envoy/v3/bootstrap.go:311`); Contour accepts clients the same CA signed.
 */
export function xdsCertificates(context: BuildContext<ContourConfig>): {
  contour_xds_certificate: ICertificate;
  envoy_xds_certificate: ICertificate;
} {
  const { name, namespace, peers, environment } = context;
  const issuerRef = peers.require('certificateIssuer', 'the xDS TLS between Contour and Envoy').issuerRef;
  const names = (service: string) => [
    service,
    `${service}.${namespace}`,
    `${service}.${namespace}.svc`,
    `${service}.${namespace}.svc.${environment.settings.clusterDomain}`,
  ];
  return {
    contour_xds_certificate: certificate({
      name: CONTOUR_CERT_SECRET,
      namespace,
      dnsNames: names('contour'),
      usages: ['digital signature', 'key encipherment', 'server auth'],
      issuerRef,
      component: name,
    }),
    envoy_xds_certificate: certificate({
      name: ENVOY_CERT_SECRET,
      namespace,
      dnsNames: names('envoy'),
      usages: ['digital signature', 'key encipherment', 'client auth'],
      issuerRef,
      component: name,
    }),
  };
}
