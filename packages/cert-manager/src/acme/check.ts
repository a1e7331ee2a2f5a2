import type { ConfigChecks } from '@platform/core';
import type { AcmeIssuersConfig } from './config.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the ACME issuers' configuration at `path` (the configuration merge leaves the provider unions unchecked). */
export function checkAcmeIssuers(path: string, config: AcmeIssuersConfig, checks: ConfigChecks): void {
  if (!config.enabled) return;
  checks.require(
    EMAIL.test(config.email),
    `${path}.email`,
    `Let's Encrypt needs a contact address for the account, got "${config.email}"`,
  );
  checks.oneOf(`${path}.use`, config.use, ['staging', 'production'] as const);
  checks.require(
    config.dns01 !== undefined || config.http01 !== undefined,
    path,
    'an ACME issuer needs a solver: dns01 (the DNS provider, for wildcards) or http01 (the edge), or both',
  );
  config.dnsZones.forEach((zone, index) => checks.hostName(`${path}.dnsZones[${index}]`, zone));
  const dns = config.dns01;
  if (dns) {
    checks.oneOf(`${path}.dns01.type`, dns.type, ['route53', 'cloudflare', 'rfc2136'] as const);
    if (dns.type === 'rfc2136') {
      checks.require(
        /^[^:\s]+:\d{1,5}$/.test(dns.nameserver),
        `${path}.dns01.nameserver`,
        `expected "host:port", got "${dns.nameserver}"`,
      );
      checks.oneOf(`${path}.dns01.tsig.algorithm`, dns.tsig.algorithm, [
        'hmac-sha1',
        'hmac-sha256',
        'hmac-sha512',
      ] as const);
    }
  }
  const http = config.http01;
  if (http && 'ingressClassName' in http) checks.dnsLabel(`${path}.http01.ingressClassName`, http.ingressClassName);
  if (http && 'gateway' in http) {
    checks.dnsLabel(`${path}.http01.gateway.name`, http.gateway.name);
    checks.dnsLabel(`${path}.http01.gateway.namespace`, http.gateway.namespace);
  }
}
