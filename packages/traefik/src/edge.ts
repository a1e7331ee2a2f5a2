import type { BuildContext, ComponentContext } from '@platform/core';
import { type EdgeController, type EdgePlan, edgeIssuer, planEdge, wildcardDomainsOf } from '@platform/edge';
import { loadBalancerHostname, type TraefikConfig } from './config.js';

/** The `edgeController` Traefik publishes when it serves IngressRoutes. */
export function traefikEdge({ name, namespace, config, environment }: ComponentContext<TraefikConfig>): EdgeController {
  return {
    component: name,
    namespace,
    kind: 'traefik',
    className: config.className,
    tls: 'store',
    wildcardDomains: wildcardDomainsOf(config, environment.settings.baseDomain),
    // IngressRoutes for the routes' records (CNAMEs to the load balancer), the Service for the balancer's own.
    dnsSources: ['traefik-proxy', 'service'],
    dnsTarget: loadBalancerHostname(config, environment.settings.baseDomain),
    internalSourceRanges: [...config.internalSourceRanges],
  };
}

/**
 * The edge plan as Traefik's own objects need it (its certificates, its egress to HTTP-01 solvers): of its own
 * edge, or of the Gateway it implements. Lenient: the routes component reports invalid routes. Empty without
 * routes, so that an environment with nothing routed needs no issuer.
 */
export function traefikPlan(context: BuildContext<TraefikConfig>): EdgePlan {
  const routes = context.peers.routes();
  const edge = context.config.routes === 'ingressroute' ? traefikEdge(context) : context.peers.find('edgeController');
  if (routes.length === 0 || !edge) return { routes: [], certificates: [] };
  return planEdge(routes, edge, edgeIssuer(context.peers, context.name), { lenient: true });
}
