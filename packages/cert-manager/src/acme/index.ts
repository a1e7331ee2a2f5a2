/** Let's Encrypt for @platform/cert-manager: staging and production ClusterIssuers with DNS-01 and HTTP-01. */
export { checkAcmeIssuers } from './check.js';
export type { AcmeDnsProvider, AcmeHttp01, AcmeIssuersConfig, StoredCredential } from './config.js';
export { ACME_DEFAULTS } from './config.js';
export { type AcmeCredential, acmeCredential } from './credentials.js';
export { acmeClusterIssuers, acmePublicIssuer } from './issuers.js';
