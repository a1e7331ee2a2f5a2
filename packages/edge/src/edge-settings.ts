import { type ConfigChecks, isHostName } from '@platform/core';
import type { DnsSource } from './controller.js';

/** The settings every edge controller shares, checked once here. */
export interface EdgeSettings {
  wildcardDomains: string[];
  internalSourceRanges: string[];
  dnsSources?: DnsSource[];
}

const CIDR =
  /^(?:(?:\d{1,3}\.){3}\d{1,3}\/(?:[0-9]|[12][0-9]|3[0-2])|[0-9a-fA-F:]+:[0-9a-fA-F:]*\/(?:[0-9]|[1-9][0-9]|1[01][0-9]|12[0-8]))$/;
const SOURCES: readonly DnsSource[] = [
  'ingress',
  'service',
  'traefik-proxy',
  'contour-httpproxy',
  'gateway-httproute',
  'crd',
];

/** Checks wildcard domains (host names), internal source ranges (CIDRs) and DNS sources. */
export function checkEdgeSettings(settings: EdgeSettings, checks: ConfigChecks): void {
  settings.wildcardDomains.forEach((domain, index) =>
    checks.require(
      isHostName(domain),
      `wildcardDomains[${index}]`,
      `expected a domain such as "prod.example.com", got "${domain}"`,
    ),
  );
  checkCidrs('internalSourceRanges', settings.internalSourceRanges, checks);
  settings.dnsSources?.forEach((source, index) => checks.oneOf(`dnsSources[${index}]`, source, SOURCES));
}

/** The wildcard domains in effect: the configured ones, or the environment's base domain. */
export function wildcardDomainsOf(settings: Pick<EdgeSettings, 'wildcardDomains'>, baseDomain: string): string[] {
  return settings.wildcardDomains.length > 0 ? [...settings.wildcardDomains] : [baseDomain];
}

/** Checks that every entry of `ranges` (at `path`) is an IPv4 or IPv6 CIDR. */
export function checkCidrs(path: string, ranges: readonly string[], checks: ConfigChecks): void {
  ranges.forEach((range, index) => {
    const octets = range.includes('.') ? range.split('/')[0]!.split('.').map(Number) : [];
    checks.require(
      CIDR.test(range) && octets.every((o) => o <= 255),
      `${path}[${index}]`,
      `expected a CIDR such as "10.0.0.0/8", got "${range}"`,
    );
  });
}
