import { PlatformError, type Problem, standardLabels } from '@platform/core';
import type { EdgeRoute, RouteFilters, RouteRenderContext } from '@platform/edge';
import { HTTP_LISTENER, httpsListener } from './gateway.js';
import type { IHTTPRoute } from './kinds.js';

/** What a route needs that standard HTTPRoute filters cannot say, as problems (no implementation filters given). */
function unsupported(route: EdgeRoute): Problem[] {
  const at = (field: string, what: string): Problem => ({
    component: route.route.component,
    path: `routes[${route.route.name}].${field}`,
    message: `Gateway API's standard HTTPRoute has no filter for ${what}; pass the implementation's filters, e.g. gatewayRoutes({ filters: traefikGatewayFilters }) of @platform/traefik`,
  });
  return [
    ...(route.auth.type !== 'none' ? [at('auth', `${route.auth.type} auth`)] : []),
    ...(route.audience === 'internal' ? [at('audience', 'an internal audience (source ranges)')] : []),
    ...(route.maxBodyBytes !== undefined ? [at('maxBodySize', 'a body size limit')] : []),
  ];
}

/**
 * A route as an HTTPRoute in its namespace, attached to the HTTPS listener of its certificate (naming the
 * section keeps it off the plain-HTTP listener, which only redirects), matching its paths (`PathPrefix` or
 * `Exact`), with the implementation's filters as `ExtensionRef`s, to its Service and port.
 */
export function httpRoute(
  route: EdgeRoute,
  context: RouteRenderContext,
  filters: RouteFilters | undefined,
): IHTTPRoute {
  if (!filters) {
    const problems = unsupported(route);
    if (problems.length > 0) throw new PlatformError(problems);
  }
  const gateway = context.edge.gateway!;
  const { route: declared } = route;
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: {
      name: route.objectName,
      namespace: declared.namespace,
      labels: standardLabels(context.component, 'route'),
    },
    spec: {
      parentRefs: [
        {
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
          name: gateway.name,
          namespace: gateway.namespace,
          sectionName: httpsListener(route.certificate),
        },
      ],
      hostnames: [declared.fqdn],
      rules: [
        {
          matches: route.paths.map((p) => ({
            path: { type: p.match === 'exact' ? ('Exact' as const) : ('PathPrefix' as const), value: p.path },
          })),
          ...(filters?.filters.length
            ? { filters: filters.filters.map((ref) => ({ type: 'ExtensionRef' as const, extensionRef: { ...ref } })) }
            : {}),
          backendRefs: [{ name: declared.backend.service, port: declared.backend.port }],
        },
      ],
    },
  };
}

/** The Gateway's own route on the HTTP listener: every request is redirected to HTTPS (301). */
export function redirectRoute(gatewayName: string, namespace: string, component: string): IHTTPRoute {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: `${gatewayName}-https-redirect`, namespace, labels: standardLabels(component, 'gateway') },
    spec: {
      parentRefs: [
        { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: gatewayName, sectionName: HTTP_LISTENER },
      ],
      rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
    },
  };
}
