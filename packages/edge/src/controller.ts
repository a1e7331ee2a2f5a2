import type { DnsProvider, EndpointOwner, IngressController } from '@platform/core';

/** The route kinds an edge renders: Kubernetes Ingress, Traefik IngressRoute, Contour HTTPProxy, Gateway API HTTPRoute. */
export type EdgeKind = IngressController['kind'];

/** An external-dns source, as the `dnsProvider` capability names them. */
export type DnsSource = DnsProvider['sources'][number];

/**
 * How routes of an edge reach their wildcard certificate:
 * - `store`: a default TLS store of the controller holds every wildcard (Traefik's `TLSStore` named `default`);
 * - `delegation`: routes name `<namespace>/<secret>` of the controller's namespace, which delegates it to them
 *   (Contour's `TLSCertificateDelegation`);
 * - `listener`: the Gateway's HTTPS listeners carry the certificates; routes name none;
 * - `namespace`: each routed namespace gets its own copy of the wildcard certificate (plain Ingress, whose
 *   `tls.secretName` can only name a Secret of the Ingress's namespace).
 */
export type EdgeTls = 'store' | 'delegation' | 'listener' | 'namespace';

/**
 * What an environment's edge controller tells the component that renders its routes, published as the
 * `edgeController` capability: which kind to render, how TLS and DNS work for it, and where it runs. The routes
 * are rendered by a separate component that comes after every routed component (see `routesComponent`), so
 * that no object is applied into a namespace before the component that owns it has created it.
 */
export interface EdgeController extends EndpointOwner {
  kind: EdgeKind;
  /** IngressClass name (Ingress, Traefik, Contour) or, for Gateway API, the GatewayClass of the Gateway. */
  className: string;
  tls: EdgeTls;
  /** Domains the edge holds one wildcard certificate for (`*.<domain>`); default the environment's base domain. */
  wildcardDomains: string[];
  /** The external-dns sources that see this edge's routes (and its load balancer's own record). */
  dnsSources: DnsSource[];
  /**
   * The host name every route's DNS record points at (a CNAME), for sources that take their targets from the
   * `external-dns.alpha.kubernetes.io/target` annotation (Traefik's IngressRoute has no load-balancer status).
   */
  dnsTarget?: string;
  /** Client address ranges an `internal` route admits. Empty: the edge cannot serve internal routes. */
  internalSourceRanges: string[];
  /** Gateway API: the Gateway routes attach to. */
  gateway?: { name: string; namespace: string };
}

declare module '@platform/core' {
  interface Capabilities {
    edgeController: EdgeController;
  }
  interface DnsProvider {
    /**
     * Whether it also watches the `dnsSources` of every edge controller of the environment (external-dns does:
     * a provider's `provides` cannot read its peers, so the edge's sources are not in `sources`). Default false.
     */
    followsEdge?: boolean;
  }
}
