import { type RouteRenderer, routesComponent } from '@platform/edge';
import { httpProxy } from './http-proxy.js';
import { CONTOUR_KINDS } from './kinds.js';

/** Default namespace of Contour (and so of the routes component). */
export const CONTOUR_NAMESPACE = 'contour';

/** Renders each route as an HTTPProxy; routes with auth go through the ExtensionService Contour publishes. */
export const contourRenderer: RouteRenderer = {
  kind: 'contour',
  kinds: CONTOUR_KINDS,
  render: (route, context) => ({ httpproxy: httpProxy(route, context, context.peers.find('contourAuthorization')) }),
};

/**
 * The environment's routes as Contour HTTPProxies (tier `workloads`, after every routed component), in the
 * routed components' namespaces, authenticated through `contour({ authorization })` where they have auth.
 *
 * ```ts
 * contourRoutes()            // or contourRoutes({ namespace: 'edge' }) when Contour runs elsewhere
 * ```
 */
export const contourRoutes = routesComponent({
  name: 'contour-routes',
  namespace: CONTOUR_NAMESPACE,
  renderer: contourRenderer,
});
