/**
 * @platform/pki: what the platform knows about its certificates beyond single objects. Libraries declare the
 * lifetimes of certificates cert-manager does not render (`certificateLifetime`) and the roots to trust
 * (`trustAnchor`); from those and the rendered Certificates it builds the expiry calendar, walks chains to their
 * roots, and provides the `pnpm check` rules that keep CA expiries apart and trust bundles where pods mount them.
 */
import type { PolicyRule } from '@platform/core';
import { caExpiriesApartRule } from './ca-expiries-apart.js';
import { trustBundleNamespaceRule } from './trust-bundle-rule.js';

export {
  CA_EXPIRIES_APART_RULE,
  type CaExpiriesApartOptions,
  caExpiriesApart,
  caExpiriesApartRule,
} from './ca-expiries-apart.js';
export {
  type CalendarEntry,
  type CalendarOptions,
  type CertificateCalendar,
  certificateCalendar,
  declaredCertificates,
  isAuthority,
  LEAF_EXPIRIES,
} from './calendar.js';
export { formatCertificateCalendar, formatLifetime, formatWhen } from './calendar-format.js';
export type { AnyIssuerRef, CertificateRole, DeclaredCertificate, TrustAnchor } from './capabilities.js';
export { bundleRoots, certificateRoot, type RootId, trustAnchors } from './chain.js';
export { certificateLifetime, expiries, expiryCount, goSeconds, type Lifetime } from './lifetime.js';
export { type CertificateFacts, parseCertificates } from './pem.js';
export { TRUST_BUNDLE_NAMESPACE_RULE, trustBundleNamespaceRule } from './trust-bundle-rule.js';

/** The rules of this package with their defaults: the `rules` of trust-manager and step-ca, run wherever either is composed. */
export const pkiRules: PolicyRule[] = [caExpiriesApartRule, trustBundleNamespaceRule];
