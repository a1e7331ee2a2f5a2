import type { KubeObject } from '@platform/core';
import { type RouteExtensions, type RouteRenderer, routesComponent } from '@platform/edge';
import { TRAEFIK_NAMESPACE } from './chart.js';
import { ingressRoute } from './ingress-route.js';
import { TRAEFIK_KINDS } from './kinds.js';
import { routeMiddlewares } from './middlewares.js';

/** Renders each route as an IngressRoute with its Middlewares. */
export const traefikRenderer: RouteRenderer = {
  kind: 'traefik',
  kinds: TRAEFIK_KINDS,
  render(route, context) {
    const middlewares = routeMiddlewares(route, context);
    const objects: Record<string, KubeObject> = Object.fromEntries(middlewares.map((m) => [m.suffix, m.middleware]));
    objects.ingressroute = ingressRoute(
      route,
      context,
      middlewares.map((m) => m.middleware.metadata!.name!),
    );
    return objects;
  },
};

/**
 * The environment's routes as Traefik IngressRoutes (tier `workloads`, after every routed component), in the
 * routed components' namespaces, with the certificates of routes that opt out of the wildcard and the ACME
 * HTTP-01 access for them. Deploys to Traefik's namespace without owning it.
 *
 * ```ts
 * traefikRoutes()            // or traefikRoutes({ namespace: 'edge' }) when Traefik runs elsewhere
 * ```
 */
export const traefikRoutes = routesComponent({
  name: 'traefik-routes',
  namespace: TRAEFIK_NAMESPACE,
  renderer: traefikRenderer,
});

/**
 * Traefik Middlewares as Gateway API `ExtensionRef` filters (group `traefik.io`, kind `Middleware`), for a Gateway
 * that Traefik implements: Traefik's Gateway provider resolves them through the CRD provider
 * (v3.7.9 `pkg/provider/kubernetes/gateway/httproute.go:401-455`, `pkg/provider/kubernetes/crd/kubernetes.go:170`).
 */
export const traefikGatewayFilters: RouteExtensions = {
  name: 'Traefik',
  kinds: TRAEFIK_KINDS,
  filters(route, context) {
    const middlewares = routeMiddlewares(route, context);
    return {
      filters: middlewares.map((m) => ({
        group: 'traefik.io',
        kind: 'Middleware',
        name: m.middleware.metadata!.name!,
      })),
      objects: Object.fromEntries(middlewares.map((m) => [m.suffix, m.middleware])),
    };
  },
};
