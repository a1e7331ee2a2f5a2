import { certificate, type ICertificate } from '@platform/cert-manager';
import { type BuildContext, serviceHost } from '@platform/core';
import type { OpenBaoConfig } from './config.js';
import { API_SERVICE, INTERNAL_SERVICE, TLS_SECRET } from './layout.js';

/**
 * The listener's certificate from the environment's issuer (the internal PKI), for every name a client or a
 * Raft peer dials: the API Service in its short and full forms, each pod through the headless Service, and
 * 127.0.0.1/localhost for the CLI inside a pod.
 */
export function tlsCertificate(context: BuildContext<OpenBaoConfig>): ICertificate {
  const { config, namespace, environment, name } = context;
  const issuer = context.peers.require('certificateIssuer', 'OpenBao serves its API and Raft traffic over TLS');
  const api = serviceHost(API_SERVICE, namespace, environment.settings);
  const internal = serviceHost(INTERNAL_SERVICE, namespace, environment.settings);
  return certificate({
    name: TLS_SECRET,
    namespace,
    component: name,
    commonName: api,
    dnsNames: [
      API_SERVICE,
      `${API_SERVICE}.${namespace}`,
      `${API_SERVICE}.${namespace}.svc`,
      api,
      `*.${INTERNAL_SERVICE}`,
      `*.${INTERNAL_SERVICE}.${namespace}.svc`,
      `*.${internal}`,
      'localhost',
      ...config.tls.extraDnsNames,
    ],
    ipAddresses: ['127.0.0.1'],
    duration: config.tls.duration,
    renewBefore: config.tls.renewBefore,
    usages: ['server auth', 'digital signature', 'key encipherment'],
    issuerRef: issuer.issuerRef,
  });
}
