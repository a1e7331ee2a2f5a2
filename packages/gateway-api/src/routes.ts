import type { KubeObject } from '@platform/core';
import { type RouteExtensions, type RouteRenderer, routesComponent } from '@platform/edge';
import { httpRoute } from './http-route.js';
import { GATEWAY_API_KINDS } from './kinds.js';

/** Namespace the Gateway (and so the routes component) lives in by default. */
export const GATEWAY_NAMESPACE = 'gateway';

/** Renders each route as an HTTPRoute, with `extensions`' filters for what the standard channel cannot say. */
export function gatewayRenderer(extensions?: RouteExtensions): RouteRenderer {
  return {
    kind: 'gateway-api',
    kinds: [...GATEWAY_API_KINDS, ...(extensions?.kinds ?? [])],
    render(route, context) {
      const filters = extensions?.filters(route, context);
      const objects: Record<string, KubeObject> = { ...(filters?.objects ?? {}) };
      objects.httproute = httpRoute(route, context, filters);
      return objects;
    },
  };
}

/**
 * The environment's routes as HTTPRoutes of its Gateway (tier `workloads`, after every routed component), in
 * the routed components' namespaces. Without `filters`, a route with auth, an internal audience or a body limit
 * is a render error (the standard channel has no such filter, and dropping auth would expose the backend);
 * with `filters` (e.g. `traefikGatewayFilters`), those come from the implementation as `ExtensionRef`s.
 *
 * ```ts
 * gatewayRoutes({ filters: traefikGatewayFilters })
 * ```
 */
export function gatewayRoutes(options: { filters?: RouteExtensions; namespace?: string } = {}) {
  return routesComponent({
    name: 'gateway-routes',
    namespace: GATEWAY_NAMESPACE,
    renderer: gatewayRenderer(options.filters),
  })(options.namespace ? { namespace: options.namespace } : {});
}
