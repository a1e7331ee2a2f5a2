import { certificate, type ICertificate } from '@platform/cert-manager';
import type { BuildContext } from '@platform/core';
import type { HarborConfig } from './config.js';

/** The Secret (`tls.crt`, `tls.key`) core signs registry tokens with (chart value `core.secretName`, core-dpl.yaml:216-222). */
export const TOKEN_SECRET = 'harbor-token-service';

/**
 * The token-signing key pair, issued by the platform's issuer instead of the chart's `genCA` (core-secret.yaml:18,
 * a new key on every render under Argo CD). The key is kept across renewals so that tokens signed before a renewal
 * stay valid.
 */
export function tokenCertificate(context: BuildContext<HarborConfig>): ICertificate {
  const { name, namespace, config, peers } = context;
  const issuer = peers.require('certificateIssuer', "Harbor's token-signing certificate");
  return certificate({
    name: TOKEN_SECRET,
    namespace,
    component: name,
    commonName: 'harbor-token-service',
    duration: config.tokenCertificate.duration,
    renewBefore: config.tokenCertificate.renewBefore,
    usages: ['digital signature'],
    privateKey: { algorithm: 'RSA', size: 4096, rotationPolicy: 'Never' },
    issuerRef: issuer.issuerRef,
  });
}
