import type { BuildContext, NetworkAccess } from '@platform/core';
import { type EdgePlan, forwardAuthEgress, publicIngress, routeEgress, solverNamespaces } from '@platform/edge';
import { PORTS, traefikPods } from './chart.js';
import type { TraefikConfig } from './config.js';

/**
 * Traefik's traffic: clients reach the entrypoints from anywhere (through the load balancer); Traefik watches
 * the API server, proxies to the pods behind every route (and to cert-manager's HTTP-01 solvers), and calls the
 * forward-auth services routes name. Metrics scraping is admitted by the namespace's scraper policy.
 */
export function networkAccess(context: BuildContext<TraefikConfig>, plan: EdgePlan): NetworkAccess {
  const pods = traefikPods(context.namespace);
  const routes = context.peers.routes();
  return {
    ingress: [publicIngress([PORTS.web, PORTS.websecure], pods)],
    egress: [
      { name: 'api-server', to: 'apiServer', podLabels: pods },
      ...routeEgress(routes, solverNamespaces(plan), pods),
      ...forwardAuthEgress(routes, pods),
    ],
  };
}
