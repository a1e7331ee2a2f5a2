/**
 * Whether a certificate name covers a host the way TLS clients match them (RFC 6125 §6.4.3): an exact match,
 * or `*.<domain>` for a host exactly one label under `<domain>`. `*.example.com` covers `a.example.com`,
 * neither `example.com` nor `a.b.example.com`.
 */
export function nameCovers(name: string, host: string): boolean {
  const a = name.toLowerCase();
  const h = host.toLowerCase();
  if (a === h) return true;
  if (!a.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === a.slice(2);
}

/** The wildcard domain among `domains` whose `*.<domain>` covers `host`, if any. */
export function wildcardDomainFor(host: string, domains: readonly string[]): string | undefined {
  return domains.find((domain) => nameCovers(`*.${domain}`, host));
}

/** Whether `host` is `domain` or inside it (external-dns's domain filters match on label boundaries). */
export function inDomain(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/^\.+|\.$/g, '');
  return h === d || h.endsWith(`.${d}`);
}

/** `prod.example.com` → `prod-example-com`: a domain as part of an object name. */
export function domainSlug(domain: string): string {
  return domain.toLowerCase().replace(/\./g, '-');
}
