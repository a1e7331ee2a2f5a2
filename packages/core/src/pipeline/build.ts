import { meshMembership, NO_UNMESHED_CALLERS, type UnmeshedCallers } from '../k8s/mesh/membership.js';
import { mtlsExceptions } from '../k8s/mesh/mtls-exceptions.js';
import { namespaceObject } from '../k8s/namespace.js';
import { networkPolicies } from '../k8s/network/policies.js';
import type { IngressRule, NetworkAccess } from '../k8s/network/types.js';
import type { Provided } from '../model/capabilities.js';
import type { AddObjectsContext } from '../model/component.js';
import type { BuildContext } from '../model/definition.js';
import { PlatformError } from '../model/errors.js';
import { isKubeObject, type KubeObject } from '../model/objects.js';
import type { Peers } from '../model/peers.js';
import type { DeclaredRoute } from '../model/routes.js';
import type { ResolvedComponent } from './resolve.js';
import { runUserCode } from './user-code.js';

/** A component's named objects straight from its library and the user's additions, before overrides. */
export interface GeneratedObjects {
  context: BuildContext<object>;
  objects: Record<string, KubeObject>;
}

function checkAdditions(additions: unknown, component: string): Record<string, KubeObject> {
  if (typeof additions !== 'object' || additions === null || Array.isArray(additions)) {
    throw new PlatformError({
      component,
      path: 'addObjects',
      message:
        'expected an object of named Kubernetes objects, e.g. { my_configmap: { apiVersion: "v1", kind: "ConfigMap", ... } }',
    });
  }
  for (const [key, object] of Object.entries(additions)) {
    if (!isKubeObject(object))
      throw new PlatformError({
        component,
        path: `addObjects.${key}`,
        message: 'expected a Kubernetes object with apiVersion and kind',
      });
  }
  return additions as Record<string, KubeObject>;
}

/**
 * Ingress from the environment's ingress controllers to the pods behind each route the component declares, on
 * the port the route's Service targets: routed backends are reachable from the edge and from nothing else the
 * route adds.
 */
function routeIngress(routes: readonly DeclaredRoute[], peers: Peers): IngressRule[] {
  const controllers = peers.all('ingressController');
  return routes.flatMap((route) =>
    controllers.map((controller) => ({
      name: controllers.length === 1 ? `ingress-${route.name}` : `ingress-${route.name}-${controller.component}`,
      from: [{ component: controller.component, podLabels: controller.pods }],
      ports: [route.backend.targetPort],
      podLabels: route.backend.pods,
    })),
  );
}

/**
 * Stage 2: the component's objects: its namespace and NetworkPolicies (unless another component owns the
 * namespace), its mesh membership (injection, mesh ports, mTLS exceptions) when the environment has a mesh, the
 * library's build, and the user's additions, by name.
 */
export function buildComponent(
  resolved: ResolvedComponent,
  peers: Peers,
  outsideTheMesh: UnmeshedCallers = NO_UNMESHED_CALLERS,
): GeneratedObjects {
  const { definition, state, context: base, provided } = resolved;
  const name = base.name;
  const context: BuildContext<object> = { ...base, peers };
  const location = { component: name };
  const declared = definition.network
    ? runUserCode(`${definition.name}'s network()`, location, () => definition.network!(context))
    : {};
  const network: NetworkAccess = {
    ...declared,
    ingress: [...(declared.ingress ?? []), ...routeIngress(resolved.routes, peers)],
  };
  const ownsNamespace = state.createNamespace !== false;
  const podSecurity = definition.podSecurity ?? 'restricted';
  const mesh = meshMembership({
    mesh: context.environment.settings.mesh,
    podSecurity,
    mixins: state.mixins,
    peers,
  });
  const objects: Record<string, KubeObject> = {
    ...(ownsNamespace ? { namespace: namespaceObject(context.namespace, name, podSecurity, {}, mesh) } : {}),
    ...runUserCode('the network rules', location, () =>
      networkPolicies(name, context.namespace, network, context.environment, peers, {
        namespaceWide: ownsNamespace,
        mesh,
      }),
    ),
    ...mtlsExceptions(name, context.namespace, network, mesh, outsideTheMesh),
    ...runUserCode(`${definition.name}'s build()`, location, () => definition.build(context)),
  };
  const additionContext: AddObjectsContext = { ...context, provided: provided as Provided };
  for (const addition of state.additions) {
    const added =
      typeof addition === 'function'
        ? runUserCode('the addObjects function', location, () => addition(additionContext))
        : addition;
    Object.assign(objects, checkAdditions(added, name));
  }
  return { context, objects };
}
