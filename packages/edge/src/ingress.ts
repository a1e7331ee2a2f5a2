import { type IIngress, PlatformError, type Problem, standardLabels } from '@platform/core';
import type { IngressDialect } from './config.js';
import type { EdgeRoute } from './edge-plan.js';
import type { RouteRenderContext } from './routes-component.js';

/** ingress-nginx's annotations for a route's auth, body size and audience (`annotations.md` lines 22-32, 72, 115). */
function nginxAnnotations(route: EdgeRoute, internalSourceRanges: readonly string[]): Record<string, string> {
  const prefix = 'nginx.ingress.kubernetes.io';
  const auth = route.auth;
  return {
    ...(auth.type === 'basic'
      ? {
          [`${prefix}/auth-type`]: 'basic',
          [`${prefix}/auth-secret`]: auth.secret,
          [`${prefix}/auth-secret-type`]: 'auth-file',
          [`${prefix}/auth-realm`]: auth.realm ?? route.route.fqdn,
        }
      : {}),
    ...(auth.type === 'forward'
      ? {
          [`${prefix}/auth-url`]: auth.url,
          ...(auth.responseHeaders?.length
            ? { [`${prefix}/auth-response-headers`]: auth.responseHeaders.join(',') }
            : {}),
        }
      : {}),
    ...(route.route.maxBodySize !== undefined ? { [`${prefix}/proxy-body-size`]: route.route.maxBodySize } : {}),
    ...(route.audience === 'internal' ? { [`${prefix}/whitelist-source-range`]: internalSourceRanges.join(',') } : {}),
  };
}

/** What a route needs that the Ingress API alone cannot say, as problems (dialect `none`). */
function unsupported(route: EdgeRoute): Problem[] {
  const at = (field: string, what: string): Problem => ({
    component: route.route.component,
    path: `routes[${route.route.name}].${field}`,
    message: `the plain Ingress edge has no way to express ${what} without a controller dialect; set ingressEdge({ dialect: 'ingress-nginx' }) or use another edge`,
  });
  return [
    ...(route.auth.type !== 'none' ? [at('auth', `${route.auth.type} auth`)] : []),
    ...(route.audience === 'internal' ? [at('audience', 'an internal audience (source ranges)')] : []),
    ...(route.route.maxBodySize !== undefined ? [at('maxBodySize', 'a body size limit')] : []),
  ];
}

/**
 * A route as a `networking.k8s.io/v1` Ingress in the route's namespace: one rule for its host, a path per
 * route path (`Prefix` or `Exact`), TLS for the host from the certificate of its plan (a Secret of the same
 * namespace: the Ingress API cannot name another's), and the dialect's annotations.
 */
export function ingressFor(route: EdgeRoute, context: RouteRenderContext, dialect: IngressDialect): IIngress {
  if (dialect === 'none') {
    const problems = unsupported(route);
    if (problems.length > 0) throw new PlatformError(problems);
  }
  const annotations = dialect === 'ingress-nginx' ? nginxAnnotations(route, context.edge.internalSourceRanges) : {};
  const { route: declared } = route;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: route.objectName,
      namespace: declared.namespace,
      labels: standardLabels(context.component, 'route'),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      ingressClassName: context.edge.className,
      tls: [{ hosts: [declared.fqdn], secretName: route.certificate.secretName }],
      rules: [
        {
          host: declared.fqdn,
          http: {
            paths: route.paths.map((p) => ({
              path: p.path,
              pathType: p.match === 'exact' ? 'Exact' : 'Prefix',
              backend: { service: { name: declared.backend.service, port: { number: declared.backend.port } } },
            })),
          },
        },
      ],
    },
  };
}
