/**
 * @platform/edge: what every edge library shares, so that the same route renders the same way whatever the
 * environment's ingress: the edge controller capability, the plan of a route's certificate (one wildcard per
 * domain by default), DNS annotations, typed load-balancer annotations, the routes component that renders routes
 * after every routed component, the policy rules of `pnpm check`, and the plain Kubernetes Ingress edge.
 */
export { bodySizeBytes } from './body-size.js';
export { certificateKey, edgeCertificates } from './certificates.js';
export type { IngressDialect, IngressEdgeConfig } from './config.js';
export { defaults as ingressEdgeDefaults } from './config.js';
export type { DnsSource, EdgeController, EdgeKind, EdgeTls } from './controller.js';
export { forwardAuthEgress, publicIngress, routeEgress } from './controller-network.js';
export { DNS_HOSTNAME_ANNOTATION, DNS_TARGET_ANNOTATION, dnsTargetAnnotations } from './dns.js';
export type { CertificateOwner, EdgePlan, EdgeRoute, PlannedCertificate } from './edge-plan.js';
export { planEdge } from './edge-plan.js';
export { checkCidrs, checkEdgeSettings, type EdgeSettings, wildcardDomainsOf } from './edge-settings.js';
export { ingressFor } from './ingress.js';
export { INGRESS_EDGE_NAMESPACE, ingressEdge } from './ingress-edge.js';
export { type EdgeIssuer, edgeIssuer } from './issuer.js';
export {
  checkLoadBalancer,
  checkLoadBalancerProvider,
  LOAD_BALANCER_DEFAULTS,
  type LoadBalancerConfig,
  type LoadBalancerProvider,
  loadBalancerAnnotations,
} from './load-balancer.js';
export * from './policy/index.js';
export type { ExtensionFilterRef, RouteExtensions, RouteFilters } from './route-extensions.js';
export { conflictProblems, routeProblems } from './route-validation.js';
export {
  type RouteRenderContext,
  type RouteRenderer,
  routeDependencies,
  routeObjectStem,
  routeObjects,
  routesComponent,
  type SelfController,
} from './routes-component.js';
export { HTTP01_SOLVER_PODS, HTTP01_SOLVER_PORT, solverAccessPolicies, solverNamespaces } from './solver-access.js';
export { domainSlug, inDomain, nameCovers, wildcardDomainFor } from './wildcards.js';
