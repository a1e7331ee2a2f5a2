import { certificate, type ICertificate } from '@platform/cert-manager';
import type { BuildContext } from '@platform/core';
import type { ValkeyConfig } from './config.js';
import { names, podDomain } from './layout.js';

/**
 * The server certificate of every pod, from the environment's `certificateIssuer` (the platform PKI): the pods'
 * DNS names under the headless Service, the client Service, and localhost for the exporter and the probes
 * inside the pod. cert-manager's CA issuer writes the CA as `ca.crt` beside the key pair.
 */
export function tlsCertificate(context: BuildContext<ValkeyConfig>): ICertificate {
  const { name, namespace, environment, peers } = context;
  const n = names(name);
  const domain = podDomain(name, namespace, environment.settings);
  const client = `${n.client}.${namespace}.svc.${environment.settings.clusterDomain}`;
  return certificate({
    name: n.tls,
    namespace,
    component: name,
    dnsNames: [`*.${domain}`, domain, client, `${n.client}.${namespace}.svc`, n.client, 'localhost'],
    ipAddresses: ['127.0.0.1'],
    usages: ['server auth', 'client auth'],
    issuerRef: peers.require('certificateIssuer', `TLS of Valkey "${name}" (or set tls.enabled: false)`).issuerRef,
  });
}
