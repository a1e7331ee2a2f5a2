import type { BuildContext, NetworkAccess } from '@platform/core';
import { selectorLabels } from '@platform/core';
import { type EdgePlan, publicIngress, routeEgress, solverNamespaces } from '@platform/edge';
import type { ContourConfig } from './config.js';
import { envoyPods } from './edge.js';
import { ENVOY_PORTS } from './envoy.js';

/**
 * Contour's and Envoy's traffic beyond their namespace (xDS between them stays inside it): clients reach
 * Envoy's listeners from anywhere (through the load balancer); Contour watches the API server; Envoy proxies to
 * every route's pods, cert-manager's HTTP-01 solvers and the authorization service.
 */
export function networkAccess(context: BuildContext<ContourConfig>, plan: EdgePlan): NetworkAccess {
  const envoy = envoyPods(context.name);
  const auth = context.config.authorization;
  return {
    ingress: [publicIngress([ENVOY_PORTS.http, ENVOY_PORTS.https], envoy)],
    egress: [
      { name: 'api-server', to: 'apiServer', podLabels: selectorLabels(context.name, 'contour') },
      ...routeEgress(context.peers.routes(), solverNamespaces(plan), envoy),
      ...(auth
        ? [{ name: 'to-authorization', to: [{ namespace: auth.namespace }], ports: [auth.port], podLabels: envoy }]
        : []),
    ],
  };
}
