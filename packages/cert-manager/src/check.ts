import { type ConfigChecks, parseDuration } from '@platform/core';
import { checkAcmeIssuers } from './acme/check.js';
import { DEFAULT_DURATION, DEFAULT_RENEW_BEFORE } from './certificate.js';
import { type CertManagerConfig, ROOT_KEY_SIZES } from './config.js';
import { lifetimeProblems } from './durations.js';

const PARTS = ['controller', 'webhook', 'cainjector'] as const;

/** Time a certificate signed just before the root's renewal must still have left when it expires, before the root does. */
const CA_MARGIN_SECONDS = 7 * 24 * 3600;

/** Semantic checks of the merged configuration: ranges, quantities and certificate lifetimes. */
export function checkConfig(config: CertManagerConfig, checks: ConfigChecks): void {
  for (const part of PARTS) checks.integer(`replicas.${part}`, config.replicas[part], { min: 1 });
  for (const part of [...PARTS, 'startupapicheck'] as const)
    checks.resources(`resources.${part}`, config.resources[part]);
  checks.oneOf('rootCA.keySize', config.rootCA.keySize, ROOT_KEY_SIZES);
  checkAcmeIssuers('letsEncrypt', config.letsEncrypt, checks);
  checks.require(config.rootCA.commonName.trim().length > 0, 'rootCA.commonName', 'the root CA needs a common name');
  for (const [field, message] of lifetimeProblems(config.rootCA.duration, config.rootCA.renewBefore))
    checks.require(false, `rootCA.${field}`, message);
  // A certificate signed just before the root is renewed must not outlive the root.
  const rootRenewal = parseDuration(config.rootCA.renewBefore, 'go');
  const needed = parseDuration(DEFAULT_DURATION, 'go')! + CA_MARGIN_SECONDS;
  if (rootRenewal !== undefined) {
    checks.require(
      rootRenewal >= needed,
      'rootCA.renewBefore',
      `must be at least ${needed / 3600}h (the default certificate lifetime ${DEFAULT_DURATION} plus 7 days), so no certificate the root signs outlives it; got "${config.rootCA.renewBefore}"`,
    );
  }

  checks.integer('alerts.expiryWarningDays', config.alerts.expiryWarningDays, { min: 1 });
  const renewals = [parseDuration(config.rootCA.renewBefore, 'go'), parseDuration(DEFAULT_RENEW_BEFORE, 'go')].filter(
    (s): s is number => s !== undefined,
  );
  const shortestDays = Math.min(...renewals) / 86400;
  checks.require(
    config.alerts.expiryWarningDays < shortestDays,
    'alerts.expiryWarningDays',
    `must be fewer days than the shortest renewBefore (${shortestDays} days), or the alert fires before cert-manager even tries to renew; got ${config.alerts.expiryWarningDays}`,
  );
}
