import type { PolicyRule } from '@platform/core';
import { basicAuthCredentialsRule } from './basic-auth.js';
import { DEFAULT_MAX_PUBLIC_CERTIFICATES, publicCertificatesRule } from './public-certificates.js';
import { routeCertificateRule, routeDnsRule, routeServedRule } from './route-rules.js';

export { basicAuthCredentialsRule } from './basic-auth.js';
export { DEFAULT_MAX_PUBLIC_CERTIFICATES, publicCertificatesRule } from './public-certificates.js';
export { routeCertificateRule, routeDnsRule, routeServedRule } from './route-rules.js';
export { type SecretRef, type Serving, servingObjects, traefikHosts } from './serving.js';

/** Options of {@link edgeRules}. */
export interface EdgeRuleOptions {
  /** Warn above this many certificates from public (ACME) issuers. Default {@link DEFAULT_MAX_PUBLIC_CERTIFICATES}. */
  maxPublicCertificates?: number;
  /** Domains whose records are kept by hand (no DNS automation): their hosts need no DNS record source. Default none. */
  manualDnsDomains?: string[];
}

/**
 * The edge's policy rules, run wherever an edge component is composed: routes are served (`edge.route-served`, warn),
 * have a DNS record source (`edge.route-dns`) and a covering certificate (`edge.route-certificate`), no basic-auth
 * credential is rendered and every basic-auth Secret is delivered (`edge.basic-auth-credentials`), and the
 * environment requests at most `maxPublicCertificates` public certificates (`edge.public-certificates`, warn).
 *
 * ```ts
 * // Other limits: the environment's rules replace the edge's of the same id.
 * defineEnvironment({ ..., policy: { rules: edgeRules({ maxPublicCertificates: 5 }) } })
 * ```
 */
export function edgeRules(options: EdgeRuleOptions = {}): PolicyRule[] {
  return [
    routeServedRule,
    routeDnsRule(options.manualDnsDomains ?? []),
    routeCertificateRule,
    basicAuthCredentialsRule,
    publicCertificatesRule(options.maxPublicCertificates),
  ];
}
