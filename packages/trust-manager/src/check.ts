import type { ConfigChecks } from '@platform/core';
import { parseCertificates } from '@platform/pki';
import type { TrustManagerConfig } from './config.js';

/** Semantic checks: replica counts, resources, names, the extra roots (public PEM, checked here) and durations. */
export function checkConfig(config: TrustManagerConfig, checks: ConfigChecks): void {
  checks.integer('replicas', config.replicas, { min: 1 });
  checks.resources('resources.controller', config.resources.controller);
  checks.resources('resources.defaultPackage', config.resources.defaultPackage);
  checks.dnsLabel('bundle.name', config.bundle.name);
  checks.require(
    /^[-._a-zA-Z0-9]+$/.test(config.bundle.key),
    'bundle.key',
    `expected a file name (letters, digits, '-', '_' and '.'), got "${config.bundle.key}"`,
  );
  checks.require(
    /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(
      config.bundle.namespaceLabel.key,
    ),
    'bundle.namespaceLabel.key',
    `expected a label key such as "trust.platform.dev/bundle", got "${config.bundle.namespaceLabel.key}"`,
  );
  checks.require(
    /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/.test(config.bundle.namespaceLabel.value) &&
      config.bundle.namespaceLabel.value.length <= 63,
    'bundle.namespaceLabel.value',
    `expected a label value, got "${config.bundle.namespaceLabel.value}"`,
  );
  for (const [index, pem] of config.bundle.extraCertificates.entries()) {
    const parsed = parseCertificates(pem);
    const path = `bundle.extraCertificates[${index}]`;
    if (typeof parsed === 'string') checks.require(false, path, parsed);
    else
      for (const facts of parsed)
        checks.require(facts.isCA, path, `${facts.subject} is not a CA certificate; a trust bundle holds roots`);
  }
  checks.duration('webhookCertificateDuration', config.webhookCertificateDuration, 'go');
  checks.dnsLabel('certManagerComponent', config.certManagerComponent);
  checks.oneOf('logLevel', config.logLevel, ['debug', 'info', 'warn', 'error'] as const);
  checks.url('alerts.runbookUrl', config.alerts.runbookUrl);
}
