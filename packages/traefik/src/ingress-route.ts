import { standardLabels } from '@platform/core';
import { dnsTargetAnnotations, type EdgeRoute, type RouteRenderContext } from '@platform/edge';
import { HTTPS_ENTRYPOINT } from './chart.js';
import type { IIngressRoute } from './kinds.js';

/** A route's Traefik rule: its host and its paths (`Path` exact, `PathPrefix` prefix), in Traefik v3 syntax. */
export function traefikRule(route: EdgeRoute): string {
  const paths = route.paths.map((p) => `${p.match === 'exact' ? 'Path' : 'PathPrefix'}(\`${p.path}\`)`);
  const host = `Host(\`${route.route.fqdn}\`)`;
  return paths.length === 1 ? `${host} && ${paths[0]}` : `${host} && (${paths.join(' || ')})`;
}

/**
 * A route as a Traefik IngressRoute in its namespace, on the HTTPS entrypoint only (`web` redirects): its rule,
 * its Middlewares by name, the route's Service and port, and TLS: `{}` takes the wildcard from the default
 * TLSStore (Traefik v3.7.9 `docs/content/reference/routing-configuration/kubernetes/crd/http/ingressroute.md:99`),
 * a route with a certificate of its own names its Secret. The DNS target annotation gives external-dns the
 * record's target, which an IngressRoute's status does not carry.
 */
export function ingressRoute(route: EdgeRoute, context: RouteRenderContext, middlewares: string[]): IIngressRoute {
  const { route: declared } = route;
  const annotations = dnsTargetAnnotations(context.edge.dnsTarget);
  return {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'IngressRoute',
    metadata: {
      name: route.objectName,
      namespace: declared.namespace,
      labels: standardLabels(context.component, 'route'),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      entryPoints: [HTTPS_ENTRYPOINT],
      routes: [
        {
          kind: 'Rule',
          match: traefikRule(route),
          ...(middlewares.length > 0 ? { middlewares: middlewares.map((name) => ({ name })) } : {}),
          services: [{ name: declared.backend.service, port: declared.backend.port }],
        },
      ],
      tls: route.certificate.purpose === 'own' ? { secretName: route.certificate.secretName } : {},
    },
  };
}
