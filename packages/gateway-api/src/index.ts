/**
 * @platform/gateway-api: the Gateway API standard channel as the environment's edge: its CRDs (tier `crds`), the
 * environment's Gateway with one HTTPS listener per wildcard domain and the certificates behind them, and
 * `gatewayRoutes()` rendering every route as an HTTPRoute of that Gateway.
 */
import { CERT_MANAGER_KINDS } from '@platform/cert-manager';
import { type ComponentContext, defineComponent, type IngressRule } from '@platform/core';
import {
  type EdgeController,
  edgeCertificates,
  edgeIssuer,
  HTTP01_SOLVER_PODS,
  HTTP01_SOLVER_PORT,
  planEdge,
  wildcardDomainsOf,
} from '@platform/edge';
import { checkConfig } from './check.js';
import { defaults, type GatewayConfig } from './config.js';
import { gatewayObject } from './gateway.js';
import { redirectRoute } from './http-route.js';
import { GATEWAY_API_KINDS } from './kinds.js';

export type { GatewayConfig } from './config.js';
export { defaults } from './config.js';
export { GATEWAY_API_VERSION, gatewayApiCrds } from './crds.js';
export { gatewayObject, HTTP_LISTENER, httpsListener } from './gateway.js';
export { httpRoute, redirectRoute } from './http-route.js';
export type { IGateway, IHTTPRoute } from './kinds.js';
export { GATEWAY_API_KINDS } from './kinds.js';
export { GATEWAY_NAMESPACE, gatewayRenderer, gatewayRoutes } from './routes.js';

function gatewayEdge({ name, namespace, config, environment }: ComponentContext<GatewayConfig>): EdgeController {
  return {
    component: name,
    namespace,
    kind: 'gateway-api',
    className: config.className,
    tls: 'listener',
    wildcardDomains: wildcardDomainsOf(config, environment.settings.baseDomain),
    dnsSources: [...config.dnsSources],
    internalSourceRanges: [...config.internalSourceRanges],
    gateway: { name: config.name, namespace },
  };
}

/**
 * The environment's Gateway (tier `platform`, namespace `gateway`): listeners for HTTP (redirected to HTTPS) and
 * for each certificate of the edge plan, the certificates themselves, and the redirect route. Provides
 * `edgeController` (routes as HTTPRoutes, rendered by `gatewayRoutes()`) and `ingressController` for the
 * implementation's pods, so routed backends admit them.
 *
 * ```ts
 * gatewayApiCrds(), traefik({ routes: 'gateway-api' }), gateway(), gatewayRoutes({ filters: traefikGatewayFilters })
 * ```
 */
export const gateway = defineComponent({
  name: 'gateway',
  tier: 'platform',
  defaults,
  check: checkConfig,
  provides: (context) => ({
    edgeController: gatewayEdge(context),
    ingressController: {
      component: context.config.implementation.component,
      namespace: context.namespace,
      kind: 'gateway-api',
      className: context.config.className,
      pods: { ...context.config.implementation.pods },
    },
  }),
  // The implementation (when the environment deploys it) creates the GatewayClass; issuers serve the certificates.
  dependsOn: ({ peers, config }) => [
    ...(peers.namespaceOf(config.implementation.component) !== undefined ? [config.implementation.component] : []),
    ...[...peers.all('publicCertificateIssuer'), ...peers.all('certificateIssuer')].map((i) => i.component),
  ],
  build: (context) => {
    const routes = context.peers.routes();
    const issuer = routes.length > 0 ? edgeIssuer(context.peers, context.name) : undefined;
    const plan = issuer
      ? planEdge(routes, gatewayEdge(context), issuer, { lenient: true })
      : { routes: [], certificates: [] };
    return {
      edge_gateway: gatewayObject(context.config, context.namespace, context.name, plan),
      https_redirect_httproute: redirectRoute(context.config.name, context.namespace, context.name),
      ...(issuer ? edgeCertificates(plan, 'controller', issuer, context.name) : {}),
    };
  },
  network: ({ config, peers }): { ingress: IngressRule[] } => ({
    // cert-manager's HTTP-01 solvers for routes with their own certificate run here, behind the Gateway.
    ingress: peers.find('publicCertificateIssuer')
      ? [
          {
            name: 'acme-http01',
            from: [{ component: config.implementation.component, podLabels: config.implementation.pods }],
            ports: [HTTP01_SOLVER_PORT],
            podLabels: HTTP01_SOLVER_PODS,
          },
        ]
      : [],
  }),
  kinds: [...GATEWAY_API_KINDS, ...CERT_MANAGER_KINDS],
});
