import type { PodSelector } from './capabilities.js';

/** How a route authenticates its clients. */
export type RouteAuth =
  /** No authentication at the edge (the backend authenticates, or the route is public). */
  | { type: 'none' }
  /** HTTP basic auth; the htpasswd users come from a Secret (delivered by External Secrets, never rendered). */
  | { type: 'basic'; secret: string; realm?: string }
  /** Forward auth: every request is first sent to `url`; a 2xx lets it through, with `responseHeaders` copied. */
  | { type: 'forward'; url: string; responseHeaders?: string[] };

/** One path of a route. */
export interface RoutePath {
  /** Path, e.g. `/` or `/api/v1/push`. */
  path: string;
  /** `prefix` (default) or `exact`. */
  match?: 'prefix' | 'exact';
}

/**
 * A public or internal HTTP(S) endpoint a component exposes, as data: the environment's edge component (Traefik,
 * Contour, Gateway API, plain Ingress) renders it in its own kind, with DNS records, the TLS certificate, and
 * the NetworkPolicy that admits the ingress controller's pods to the backend.
 */
export interface Route {
  /** Name of the route, unique in its component (objects are named after it), e.g. `ui`. */
  name: string;
  /**
   * Host: a full host name (`grafana.example.com`), or a single label that is placed under the environment's
   * base domain (`grafana` → `grafana.<baseDomain>`).
   */
  host: string;
  /** Paths served. Default `[{ path: '/' }]`. */
  paths?: RoutePath[];
  /** The Service behind the route and its pods. */
  backend: {
    /** Service name, in the component's namespace. */
    service: string;
    /** Service port. */
    port: number;
    /** The pods' port the Service targets (number or container port name), for the NetworkPolicy. */
    targetPort: number | string;
    /** The Service's selector (the pods behind it), for the NetworkPolicy. */
    pods: PodSelector;
  };
  /** Authentication at the edge. Default none. */
  auth?: RouteAuth;
  /** `public`: reachable from the internet; `internal`: only from the organisation's networks. Default `public`. */
  audience?: 'public' | 'internal';
  /**
   * The route's certificate. Default: the environment's wildcard certificate of its domain. A route that must
   * have its own (a name outside the wildcard, or a different issuer) says why.
   */
  certificate?: { own: true; reason: string };
  /** Largest request body the edge accepts, e.g. `16m` (push endpoints). Default: the controller's. */
  maxBodySize?: string;
}

/** A route with the component that declared it and where it lives, as the edge component receives it. */
export interface DeclaredRoute extends Route {
  component: string;
  namespace: string;
  /** The host resolved against the environment's base domain. */
  fqdn: string;
}

/** The fully qualified host of a route: a single label goes under the base domain. */
export function routeHost(route: Pick<Route, 'host'>, baseDomain: string): string {
  return route.host.includes('.') ? route.host : `${route.host}.${baseDomain}`;
}
