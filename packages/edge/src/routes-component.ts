import { CERT_MANAGER_KINDS } from '@platform/cert-manager';
import {
  type BuildContext,
  defineComponent,
  type KindDefinition,
  type KubeObject,
  type Peers,
  PlatformError,
  type PodSelector,
  type ResolvedSettings,
} from '@platform/core';
import { edgeCertificates } from './certificates.js';
import type { EdgeController, EdgeKind } from './controller.js';
import { type EdgePlan, type EdgeRoute, planEdge } from './edge-plan.js';
import { type EdgeIssuer, edgeIssuer } from './issuer.js';
import { edgeRules } from './policy/index.js';
import { solverAccessPolicies } from './solver-access.js';

/** What a renderer sees besides the route. */
export interface RouteRenderContext {
  edge: EdgeController;
  plan: EdgePlan;
  issuer: EdgeIssuer;
  /** The routes component's name (for labels). */
  component: string;
  settings: ResolvedSettings;
  /** The environment's other components, for what a kind's controller publishes besides `edgeController`. */
  peers: Peers;
}

/** How one edge kind turns a route into objects. */
export interface RouteRenderer {
  kind: EdgeKind;
  /** The CRD kinds it renders. */
  kinds: readonly KindDefinition[];
  /**
   * The objects of one route, by key suffix (`ingressroute`, `auth_middleware` ...), in the route's namespace.
   * Throws a PlatformError located at the route for what the kind cannot express (never drops auth silently).
   */
  render(route: EdgeRoute, context: RouteRenderContext): Record<string, KubeObject>;
}

/** `grafana/ui` → `grafana_ui`: a route key as the stem of object keys. */
export function routeObjectStem(route: EdgeRoute): string {
  return route.key.replace(/[^a-z0-9]+/gi, '_').toLowerCase();
}

/** The environment's edge controller, which must be of the renderer's kind. */
function controllerFor(context: BuildContext<object>, renderer: RouteRenderer): EdgeController {
  const edge = context.peers.require('edgeController', `${context.name} renders the routes of the environment's edge`);
  if (edge.kind !== renderer.kind)
    throw new PlatformError({
      component: context.name,
      message: `renders ${renderer.kind} routes, but the environment's edge controller "${edge.component}" serves ${edge.kind} routes; use that library's routes component`,
    });
  return edge;
}

/** An edge controller and its pods, for a component that is its own controller (the plain Ingress edge). */
export interface SelfController {
  edge: EdgeController;
  pods: PodSelector;
}

/**
 * The routes, certificates and ACME solver access a routes component renders, for the environment's edge
 * controller (or `self`, for a component that describes the controller itself).
 */
export function routeObjects(
  context: BuildContext<object>,
  renderer: RouteRenderer,
  self?: SelfController,
): Record<string, KubeObject> {
  const edge = self?.edge ?? controllerFor(context, renderer);
  const issuer = edgeIssuer(context.peers, context.name);
  const plan = planEdge(context.peers.routes(), edge, issuer);
  const renderContext: RouteRenderContext = {
    edge,
    plan,
    issuer,
    component: context.name,
    settings: context.environment.settings,
    peers: context.peers,
  };
  const objects: Record<string, KubeObject> = {};
  const problems: PlatformError[] = [];
  for (const route of plan.routes) {
    try {
      for (const [suffix, object] of Object.entries(renderer.render(route, renderContext)))
        objects[`${routeObjectStem(route)}_${suffix}`] = object;
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0) throw new PlatformError(problems.flatMap((e) => e.problems));
  const controllerPods =
    self?.pods ?? context.peers.all('ingressController').find((c) => c.component === edge.component)?.pods;
  return {
    ...objects,
    ...edgeCertificates(plan, 'routes', issuer, context.name),
    ...(issuer.public && controllerPods ? solverAccessPolicies(plan, edge, controllerPods, context.name) : {}),
  };
}

/** What a routes component comes after: the edge controller and every component that declares a route. */
export function routeDependencies({ name, peers }: BuildContext<unknown>): string[] {
  return [
    ...new Set([
      ...peers.all('edgeController').map((edge) => edge.component),
      ...peers.routes().map((r) => r.component),
    ]),
  ]
    .filter((component) => component !== name)
    .sort();
}

/**
 * A component that renders the environment's routes in one edge kind: each route's objects in the routed
 * component's namespace, with the certificates that live there. It is a separate component from the controller
 * (tier `workloads`, after the controller and after every routed component), because its objects live in the
 * routed components' namespaces: applied by the controller's Application, they would fail until those
 * namespaces exist, and the first sync would wait for ever. It owns no namespace: it deploys to the controller's.
 */
export function routesComponent(options: { name: string; namespace: string; renderer: RouteRenderer }) {
  const definition = defineComponent({
    name: options.name,
    tier: 'workloads',
    defaults: {},
    dependsOn: routeDependencies,
    build: (context) => routeObjects(context, options.renderer),
    kinds: [...options.renderer.kinds, ...CERT_MANAGER_KINDS],
    rules: edgeRules(),
  });
  /** The routes component, in the controller's namespace (`namespace`: where the controller runs, if moved). */
  return (settings: { namespace?: string } = {}) =>
    definition().inNamespace(settings.namespace ?? options.namespace, { create: false });
}
