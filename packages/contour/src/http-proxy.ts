import { PlatformError, standardLabels } from '@platform/core';
import type { EdgeRoute, RouteRenderContext } from '@platform/edge';
import type { AuthorizationService } from './config.js';
import type { IHTTPProxy } from './kinds.js';

/** What the auth service learns about a route (`authPolicy.context`, Envoy's context extensions). */
function authContext(route: EdgeRoute): Record<string, string> {
  const auth = route.auth;
  if (auth.type === 'basic')
    return {
      'auth-type': 'basic',
      'auth-secret': `${route.route.namespace}/${auth.secret}`,
      'auth-realm': auth.realm ?? route.route.fqdn,
    };
  if (auth.type === 'forward') return { 'auth-type': 'forward', 'auth-url': auth.url };
  return {};
}

/**
 * A route as a Contour HTTPProxy (a root proxy: its own virtual host) in the route's namespace: the host, TLS from
 * the wildcard Secret of Contour's namespace (`<ns>/<secret>`, delegated) or the route's own, its paths as
 * `prefix`/`exact` conditions, an `ipAllowPolicy` for internal routes (by the peer's address), and external
 * authorization through the configured ExtensionService for routes with auth. Contour has no auth of its own,
 * so such a route without one is an error. Envoy streams request bodies (Contour configures no buffer filter),
 * so a route's body size needs nothing.
 */
export function httpProxy(
  route: EdgeRoute,
  context: RouteRenderContext,
  authorization: AuthorizationService | undefined,
): IHTTPProxy {
  const { route: declared } = route;
  if (route.auth.type !== 'none' && !authorization)
    throw new PlatformError({
      component: declared.component,
      path: `routes[${declared.name}].auth`,
      message: `Contour has no ${route.auth.type} auth of its own; give contour({ authorization }) an ExtensionService that authenticates, or serve the route through another edge`,
    });
  const certificate = route.certificate;
  const secretName =
    certificate.namespace === declared.namespace
      ? certificate.secretName
      : `${certificate.namespace}/${certificate.secretName}`;
  return {
    apiVersion: 'projectcontour.io/v1',
    kind: 'HTTPProxy',
    metadata: {
      name: route.objectName,
      namespace: declared.namespace,
      labels: standardLabels(context.component, 'route'),
    },
    spec: {
      ingressClassName: context.edge.className,
      virtualhost: {
        fqdn: declared.fqdn,
        tls: { secretName },
        ...(route.audience === 'internal'
          ? { ipAllowPolicy: context.edge.internalSourceRanges.map((cidr) => ({ cidr, source: 'Peer' as const })) }
          : {}),
        ...(route.auth.type !== 'none' && authorization
          ? {
              authorization: {
                extensionRef: { namespace: authorization.namespace, name: authorization.name },
                authPolicy: { context: authContext(route) },
              },
            }
          : {}),
      },
      routes: route.paths.map((p) => ({
        conditions: [p.match === 'exact' ? { exact: p.path } : { prefix: p.path }],
        services: [{ name: declared.backend.service, port: declared.backend.port }],
      })),
    },
  };
}
