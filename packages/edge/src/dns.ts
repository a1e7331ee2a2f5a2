/**
 * external-dns annotations the edge sets (external-dns v0.21.0 `source/annotations/annotations.go:53,57`):
 * the target a route's record points at, for sources that have no load-balancer status to read it from
 * (Traefik's IngressRoute, `source/traefik_proxy.go:859`), and the host name of the load balancer's own record.
 */
export const DNS_TARGET_ANNOTATION = 'external-dns.alpha.kubernetes.io/target';
export const DNS_HOSTNAME_ANNOTATION = 'external-dns.alpha.kubernetes.io/hostname';

/** The annotations that make external-dns point a route's records at `target`, when the edge has one. */
export function dnsTargetAnnotations(target: string | undefined): Record<string, string> {
  return target ? { [DNS_TARGET_ANNOTATION]: target } : {};
}
