import { type ComponentContext, type ServiceEndpoint, serviceHost } from '@platform/core';
import { APP_NAME, ISTIOD_TLS_SECRET, POD_LABELS, ROOT_CONFIGMAP, SERVICE_PORT } from './chart.js';
import type { IstioCsrConfig } from './config.js';

/**
 * The certificate authority Istio's agents and istiod use instead of istiod's own CA: what `@platform/istio`
 * needs to set `global.caAddress`, turn istiod's CA server off and find the root. A capability of this library
 * (declaration merging).
 */
export interface MeshCertificateAuthority extends ServiceEndpoint<'caAddress'> {
  /** `host:port` of istio-csr's gRPC CSR endpoint: istiod's chart value `global.caAddress`. */
  caAddress: string;
  /** The Secret istiod's chart mounts at /var/run/secrets/istiod/tls (istiod's serving certificate). */
  istiodTlsSecret: string;
  /** The ConfigMap istio-csr writes the root into, in every namespace, key `root-cert.pem`. */
  rootConfigMap: { name: string; key: 'root-cert.pem' };
  /** The trust domain the workload certificates carry. */
  trustDomain: string;
}

declare module '@platform/core' {
  interface Capabilities {
    /** A CA for Istio's workload certificates (istio-csr); see {@link MeshCertificateAuthority}. */
    meshCertificateAuthority: MeshCertificateAuthority;
  }
}

/** What this istio-csr publishes. */
export function meshCertificateAuthority(context: ComponentContext<IstioCsrConfig>): MeshCertificateAuthority {
  const { name, namespace, environment, config } = context;
  return {
    component: name,
    namespace,
    caAddress: `${serviceHost(APP_NAME, namespace, environment.settings)}:${SERVICE_PORT}`,
    pods: { caAddress: { ...POD_LABELS } },
    istiodTlsSecret: ISTIOD_TLS_SECRET,
    rootConfigMap: { name: ROOT_CONFIGMAP, key: 'root-cert.pem' },
    trustDomain: config.trustDomain,
  };
}
