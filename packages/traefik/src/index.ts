/**
 * @platform/traefik: Traefik from its pinned upstream chart as the environment's edge: HTTPS entrypoint with a
 * redirect from HTTP, JSON access logs, metrics and alerts, a spread and disruption-budgeted Deployment behind a
 * LoadBalancer Service with typed cloud annotations, the wildcard certificates in its default TLS store, and
 * `traefikRoutes()` rendering every route as an IngressRoute with Middlewares.
 */
import { CERT_MANAGER_KINDS } from '@platform/cert-manager';
import { defineComponent } from '@platform/core';
import { edgeCertificates, edgeIssuer } from '@platform/edge';
import { alerts } from './alerts.js';
import { CHART, RELEASE_NAME, traefikPods } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { traefikDashboard } from './dashboard.js';
import { traefikEdge, traefikPlan } from './edge.js';
import { TRAEFIK_KINDS } from './kinds.js';
import { networkAccess } from './network.js';
import { syncSettings } from './sync.js';
import { tlsStore } from './tls-store.js';
import { chartValues } from './values.js';

export { APP_VERSION, CHART, HTTPS_ENTRYPOINT, PORTS, RELEASE_NAME, TRAEFIK_NAMESPACE, traefikPods } from './chart.js';
export type { LoadBalancerConfig, ResourceRequirements, TraefikConfig } from './config.js';
export { defaults, RUNBOOK_URL } from './config.js';
export { traefikEdge } from './edge.js';
export { ingressRoute, traefikRule } from './ingress-route.js';
export type { IIngressRoute, IMiddleware, ITLSStore } from './kinds.js';
export { TRAEFIK_KINDS } from './kinds.js';
export { type RouteMiddleware, routeMiddlewares } from './middlewares.js';
export { traefikGatewayFilters, traefikRenderer, traefikRoutes } from './routes.js';
export type { TraefikValues } from './values.js';

/**
 * Traefik (tier `operators`, namespace `traefik`). Provides `ingressController` and `edgeController` (routes as
 * IngressRoutes, rendered by `traefikRoutes()`), or, with `routes: 'gateway-api'`, implements the Gateway of
 * `@platform/gateway-api`. Provides `dashboards`.
 *
 * ```ts
 * traefik({ loadBalancer: { provider: { type: 'aws-nlb', scheme: 'internet-facing', targetType: 'ip', crossZone: true } } }),
 * traefikRoutes(),
 * ```
 */
export const traefik = defineComponent({
  name: 'traefik',
  tier: 'operators',
  defaults,
  check: checkConfig,
  provides: (context) => ({
    ...(context.config.routes === 'ingressroute'
      ? {
          ingressController: {
            component: context.name,
            namespace: context.namespace,
            kind: 'traefik' as const,
            className: context.config.className,
            pods: traefikPods(context.namespace),
          },
          edgeController: traefikEdge(context),
        }
      : {}),
    dashboards: {
      component: context.name,
      namespace: context.namespace,
      folder: 'Edge',
      dashboards: { 'traefik.json': traefikDashboard(context.namespace) },
    },
  }),
  // Certificates need cert-manager's CRDs and webhook first.
  dependsOn: ({ peers }) =>
    [...peers.all('publicCertificateIssuer'), ...peers.all('certificateIssuer')].map((issuer) => issuer.component),
  build: (context) => {
    const plan = traefikPlan(context);
    const store =
      context.config.routes === 'ingressroute' ? tlsStore(plan, context.namespace, context.name) : undefined;
    return {
      ...(plan.routes.length > 0 && context.config.routes === 'ingressroute'
        ? edgeCertificates(plan, 'controller', edgeIssuer(context.peers, context.name), context.name)
        : {}),
      ...(store ? { default_tlsstore: store } : {}),
      ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
    };
  },
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  network: (context) => networkAccess(context, traefikPlan(context)),
  sync: syncSettings,
  kinds: [...TRAEFIK_KINDS, ...CERT_MANAGER_KINDS],
});
