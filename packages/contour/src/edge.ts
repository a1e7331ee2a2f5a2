import type { BuildContext, ComponentContext, PodSelector } from '@platform/core';
import { selectorLabels } from '@platform/core';
import { type EdgeController, type EdgePlan, edgeIssuer, planEdge, wildcardDomainsOf } from '@platform/edge';
import type { ContourConfig } from './config.js';

/** The pods that proxy routes: Envoy's. */
export function envoyPods(component: string): PodSelector {
  return selectorLabels(component, 'envoy');
}

/** The `edgeController` Contour publishes: HTTPProxies, wildcards delegated from its namespace. */
export function contourEdge({ name, namespace, config, environment }: ComponentContext<ContourConfig>): EdgeController {
  return {
    component: name,
    namespace,
    kind: 'contour',
    className: config.className,
    tls: 'delegation',
    wildcardDomains: wildcardDomainsOf(config, environment.settings.baseDomain),
    // Contour writes the Envoy Service's address into each HTTPProxy's status, where external-dns reads targets.
    dnsSources: ['contour-httpproxy'],
    internalSourceRanges: [...config.internalSourceRanges],
  };
}

/** The plan as Contour's own objects need it; lenient and empty without routes, as Traefik's. */
export function contourPlan(context: BuildContext<ContourConfig>): EdgePlan {
  const routes = context.peers.routes();
  if (routes.length === 0) return { routes: [], certificates: [] };
  return planEdge(routes, contourEdge(context), edgeIssuer(context.peers, context.name), { lenient: true });
}
