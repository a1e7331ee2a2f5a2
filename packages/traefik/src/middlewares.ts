import { standardLabels } from '@platform/core';
import type { EdgeRoute, RouteRenderContext } from '@platform/edge';
import type { IMiddleware } from './kinds.js';

/** One Middleware a route needs, by object-key suffix. */
export interface RouteMiddleware {
  suffix: string;
  middleware: IMiddleware;
}

function middleware(route: EdgeRoute, part: string, component: string, spec: IMiddleware['spec']): IMiddleware {
  return {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'Middleware',
    metadata: {
      name: `${route.objectName}-${part}`,
      namespace: route.route.namespace,
      labels: standardLabels(component, 'route'),
    },
    spec,
  };
}

/**
 * The Traefik Middlewares of a route, in the order they apply (Traefik v3.7.9
 * `docs/content/reference/routing-configuration/kubernetes/crd/http/middleware.md`, and the CRD's schema):
 * - internal audience: `ipAllowList` of the edge's internal ranges, by the client address Traefik sees;
 * - basic auth: `basicAuth` naming the route's Secret, whose one key holds htpasswd lines (Traefik reads the only
 *   key of the Secret, `pkg/provider/kubernetes/crd/kubernetes.go:1283-1298`), with the Authorization header
 *   removed before the request reaches the backend;
 * - forward auth: `forwardAuth` to the route's URL, copying the response headers it names;
 * - a body limit: `buffering` with `maxRequestBodyBytes` (Traefik has no limit of its own).
 */
export function routeMiddlewares(route: EdgeRoute, context: RouteRenderContext): RouteMiddleware[] {
  const result: RouteMiddleware[] = [];
  if (route.audience === 'internal')
    result.push({
      suffix: 'internal_middleware',
      middleware: middleware(route, 'internal', context.component, {
        ipAllowList: { sourceRange: [...context.edge.internalSourceRanges] },
      }),
    });
  const auth = route.auth;
  if (auth.type === 'basic')
    result.push({
      suffix: 'auth_middleware',
      middleware: middleware(route, 'auth', context.component, {
        basicAuth: { secret: auth.secret, realm: auth.realm ?? route.route.fqdn, removeHeader: true },
      }),
    });
  if (auth.type === 'forward')
    result.push({
      suffix: 'auth_middleware',
      middleware: middleware(route, 'auth', context.component, {
        forwardAuth: {
          address: auth.url,
          trustForwardHeader: false,
          ...(auth.responseHeaders?.length ? { authResponseHeaders: [...auth.responseHeaders] } : {}),
        },
      }),
    });
  if (route.maxBodyBytes !== undefined)
    result.push({
      suffix: 'body_middleware',
      middleware: middleware(route, 'body', context.component, {
        buffering: { maxRequestBodyBytes: route.maxBodyBytes },
      }),
    });
  return result;
}
