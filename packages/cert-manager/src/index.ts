/**
 * @platform/cert-manager: cert-manager from its upstream chart (installed by Argo CD with typed values), plus
 * the platform's private PKI (a root CA and the `platform-ca` ClusterIssuer), certificate-expiry alerts, and
 * a {@link certificate} helper other components use for their own certificates.
 */
import { defineComponent } from '@platform/core';
import { acmePublicIssuer } from './acme/issuers.js';
import { letsEncryptObjects } from './acme/objects.js';
import { alerts } from './alerts.js';
import { CA_ISSUER_REF } from './certificate.js';
import { CHART, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { issuers } from './issuers.js';
import { CERT_MANAGER_KINDS } from './kinds.js';
import { networkAccess } from './network.js';
import { syncSettings } from './sync.js';
import { chartValues } from './values.js';

export type { AcmeDnsProvider, AcmeHttp01, AcmeIssuersConfig, StoredCredential } from './acme/config.js';
export { ACME_DEFAULTS, LETSENCRYPT_ISSUERS } from './acme/config.js';
export type { CertificateOptions, IssuerRef, PrivateKeyOptions } from './certificate.js';
export { CA_ISSUER_NAME, CA_ISSUER_REF, certificate, DEFAULT_DURATION, DEFAULT_RENEW_BEFORE } from './certificate.js';
export { CHART, RELEASE_NAME, WEBHOOK_PORT } from './chart.js';
export type { CertManagerConfig, ResourceRequirements, RootCAConfig } from './config.js';
export { defaults } from './config.js';
export { BOOTSTRAP_ISSUER_NAME, ROOT_CA_NAME } from './issuers.js';
export type { ICertificate, IClusterIssuer, IIssuer } from './kinds.js';
export { CERT_MANAGER_KINDS } from './kinds.js';
export type { CertManagerValues } from './values.js';

/**
 * cert-manager (tier `operators`, namespace `cert-manager`). Provides `certificateIssuer`: the `platform-ca`
 * ClusterIssuer, and with `letsEncrypt` the `publicCertificateIssuer` the environment's edge uses.
 *
 * ```ts
 * certManager({ replicas: { webhook: 3 } })
 * certManager({
 *   letsEncrypt: {
 *     enabled: true,
 *     email: 'platform@example.com',
 *     dns01: { type: 'route53', region: 'eu-west-1', auth: { type: 'irsa', roleArn: 'arn:aws:iam::111122223333:role/cert-manager' } },
 *   },
 * })
 * ```
 */
export const certManager = defineComponent({
  name: 'cert-manager',
  tier: 'operators',
  defaults,
  check: checkConfig,
  provides: ({ name, namespace, config }) => ({
    certificateIssuer: { component: name, namespace, issuerRef: { ...CA_ISSUER_REF } },
    ...(config.letsEncrypt.enabled
      ? { publicCertificateIssuer: acmePublicIssuer({ name, namespace }, config.letsEncrypt) }
      : {}),
  }),
  build: (context) => ({
    ...issuers(context),
    ...letsEncryptObjects(context),
    ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
  }),
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  network: networkAccess,
  sync: syncSettings,
  kinds: CERT_MANAGER_KINDS,
});
