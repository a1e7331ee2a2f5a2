/**
 * @platform/contour: Contour and Envoy as the environment's edge, rendered natively from the upstream manifests
 * of v1.33.6 (no chart): the leader-elected control plane, Envoy as a Deployment behind a LoadBalancer Service
 * with typed cloud annotations, xDS mutual TLS from the platform CA, wildcard certificates delegated to the
 * routed namespaces, metrics, alerts and a dashboard, and `contourRoutes()` rendering routes as HTTPProxies.
 */
import { CERT_MANAGER_KINDS } from '@platform/cert-manager';
import { defineComponent, selectorLabels } from '@platform/core';
import { edgeCertificates, edgeIssuer } from '@platform/edge';
import { alerts } from './alerts.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { contourControlPlane } from './contour.js';
import { contourCrds } from './crds.js';
import { contourDashboard } from './dashboard.js';
import { wildcardDelegation } from './delegation.js';
import { contourEdge, contourPlan, envoyPods } from './edge.js';
import { envoyDataPlane } from './envoy.js';
import { CONTOUR_KINDS } from './kinds.js';
import { networkAccess } from './network.js';
import { contourRbac } from './rbac.js';
import { CONTOUR_NAMESPACE } from './routes.js';
import { xdsCertificates } from './xds-certificates.js';

export type {
  AuthorizationService,
  ContourAuthorization,
  ContourConfig,
  LoadBalancerConfig,
  ResourceRequirements,
} from './config.js';
export { defaults, IMAGES, RUNBOOK_URL } from './config.js';
export { CONTOUR_PORTS, contourConfigFile } from './contour.js';
export { contourEdge, envoyPods } from './edge.js';
export { ENVOY_PORTS } from './envoy.js';
export { httpProxy } from './http-proxy.js';
export type { IHTTPProxy, ITLSCertificateDelegation } from './kinds.js';
export { CONTOUR_KINDS } from './kinds.js';
export { CONTOUR_NAMESPACE, contourRenderer, contourRoutes } from './routes.js';

/**
 * Contour (tier `operators`, namespace `contour`). Provides `ingressController` (Envoy's pods), `edgeController`
 * (routes as HTTPProxies, rendered by `contourRoutes()`), `contourAuthorization` when configured, and `dashboards`.
 *
 * ```ts
 * contour({ loadBalancer: { provider: { type: 'metallb', addressPool: 'public' } } }),
 * contourRoutes(),
 * ```
 */
export const contour = defineComponent({
  name: CONTOUR_NAMESPACE,
  tier: 'operators',
  defaults,
  check: checkConfig,
  provides: (context) => ({
    ingressController: {
      component: context.name,
      namespace: context.namespace,
      kind: 'contour' as const,
      className: context.config.className,
      pods: envoyPods(context.name),
    },
    edgeController: contourEdge(context),
    ...(context.config.authorization
      ? { contourAuthorization: { ...context.config.authorization, component: context.name } }
      : {}),
    dashboards: {
      component: context.name,
      namespace: context.namespace,
      folder: 'Edge',
      dashboards: { 'contour.json': contourDashboard(context.namespace) },
    },
  }),
  dependsOn: ({ peers }) =>
    [...peers.all('publicCertificateIssuer'), ...peers.all('certificateIssuer')].map((issuer) => issuer.component),
  build: (context) => {
    const plan = contourPlan(context);
    const delegation = wildcardDelegation(plan, context.namespace, context.name);
    return {
      ...contourCrds(),
      ...contourRbac(context.name, context.namespace),
      ...xdsCertificates(context),
      ...contourControlPlane(context),
      ...envoyDataPlane(context),
      ...(plan.routes.length > 0
        ? edgeCertificates(plan, 'controller', edgeIssuer(context.peers, context.name), context.name)
        : {}),
      ...(delegation ? { wildcards_tlscertificatedelegation: delegation } : {}),
      ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
    };
  },
  network: (context) => networkAccess(context, contourPlan(context)),
  // Its CRDs are applied server-side, as every CRD.
  sync: () => ({ serverSideApply: true }),
  kinds: [...CONTOUR_KINDS, ...CERT_MANAGER_KINDS],
});

/** The selector of Contour's own pods (the control plane), for tests and overrides. */
export const contourPods = (component = CONTOUR_NAMESPACE) => selectorLabels(component, 'contour');
