import { CERT_MANAGER_KINDS } from '@platform/cert-manager';
import { type ComponentContext, defineComponent, type KubeObject } from '@platform/core';
import { checkConfig } from './check.js';
import { defaults, type IngressEdgeConfig } from './config.js';
import type { EdgeController } from './controller.js';
import { wildcardDomainsOf } from './edge-settings.js';
import { ingressFor } from './ingress.js';
import { edgeRules } from './policy/index.js';
import { type RouteRenderer, routeDependencies, routeObjects } from './routes-component.js';

/** Namespace of the controller the plain Ingress edge describes, by default ingress-nginx's. */
export const INGRESS_EDGE_NAMESPACE = 'ingress-nginx';

function edgeOf({ name, namespace, config, environment }: ComponentContext<IngressEdgeConfig>): EdgeController {
  return {
    component: name,
    namespace,
    kind: 'ingress',
    className: config.className,
    tls: 'namespace',
    wildcardDomains: wildcardDomainsOf(config, environment.settings.baseDomain),
    dnsSources: [...config.dnsSources],
    internalSourceRanges: [...config.internalSourceRanges],
  };
}

const definition = defineComponent<IngressEdgeConfig, Record<string, KubeObject>>({
  name: 'ingress-edge',
  tier: 'workloads',
  defaults,
  check: checkConfig,
  provides: (context) => ({
    ingressController: {
      component: context.name,
      namespace: context.namespace,
      kind: 'ingress',
      className: context.config.className,
      pods: { ...context.config.controllerPods },
    },
    edgeController: edgeOf(context),
  }),
  dependsOn: (context) => routeDependencies(context),
  build: (context) => {
    const renderer: RouteRenderer = {
      kind: 'ingress',
      kinds: [],
      render: (route, renderContext) => ({ ingress: ingressFor(route, renderContext, context.config.dialect) }),
    };
    return routeObjects(context, renderer, { edge: edgeOf(context), pods: context.config.controllerPods });
  },
  kinds: CERT_MANAGER_KINDS,
  rules: edgeRules(),
});

/**
 * The plain Kubernetes Ingress edge (tier `workloads`), for an environment whose ingress controller is installed
 * by someone else (a cloud's, or an ingress-nginx of its own): it describes that controller (`ingressController`,
 * so routed backends admit its pods) and renders every route as an Ingress with a copy of its domain's wildcard
 * certificate in the route's namespace. It deploys to the controller's namespace without owning it.
 *
 * ```ts
 * ingressEdge({ className: 'nginx', dialect: 'ingress-nginx' })
 * ```
 */
export function ingressEdge(config?: Parameters<typeof definition>[0], options: { namespace?: string } = {}) {
  return definition(config).inNamespace(options.namespace ?? INGRESS_EDGE_NAMESPACE, { create: false });
}
