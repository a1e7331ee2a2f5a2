import { assertApisProvided } from '../delivery/api-availability.js';
import type { DeliveryEngine } from '../delivery/engine.js';
import { engineFor } from '../delivery/engines.js';
import { withNamespaceCreators } from '../delivery/namespace-order.js';
import { syncSteps } from '../delivery/ordering.js';
import { DELIVERY_RULES } from '../delivery/rules.js';
import { checkMeshChoice, unmeshedCallers } from '../k8s/mesh/membership.js';
import type { Provided } from '../model/capabilities.js';
import type { EnvironmentView } from '../model/definition.js';
import type { Environment, EnvironmentSpec } from '../model/environment.js';
import { isPlatformError, PlatformError, type Problem } from '../model/errors.js';
import type { PolicyRule } from '../model/policy.js';
import type { BuiltComponent, RenderedEnvironment, RenderedObject, SyncStep } from '../model/rendered.js';
import { resolveSettings } from '../model/settings.js';
import { mergeSync } from '../model/sync.js';
import { BUILT_IN_KINDS } from '../registry/builtin-kinds.js';
import { KindRegistry } from '../registry/kinds.js';
import { MONITORING_KINDS } from '../registry/monitoring-kinds.js';
import { containerProblems } from '../validation/containers.js';
import { validateObject } from '../validation/validate.js';
import { buildComponent } from './build.js';
import { checkEnvironment } from './environment-check.js';
import { fileName } from './files.js';
import { finaliseObjects } from './finalise.js';
import { applyMixins } from './mixins.js';
import { applyOverrides } from './overrides.js';
import { MISSING_CAPABILITY, peersOf } from './peers.js';
import { type ResolvedComponent, resolveComponent } from './resolve.js';
import { serialize } from './serialise.js';
import { runUserCode } from './user-code.js';

/** Collects problems per stage; a stage that found any ends the render with all of them. */
class Problems {
  readonly list: Problem[] = [];
  #cascades = 0;

  constructor(private readonly environment: string) {}

  /** Records what `error` says about `component`; anything but a user's mistake is rethrown as a bug. */
  add(error: unknown, component?: string): void {
    if (!isPlatformError(error)) throw error;
    if ((error as { cascade?: string }).cascade === MISSING_CAPABILITY) {
      this.#cascades++;
      return;
    }
    this.list.push(...error.within({ environment: this.environment, ...(component ? { component } : {}) }).problems);
  }

  /** Ends the render when anything went wrong (cascading "needs a provider" errors alone never hide). */
  throwIfAny(): void {
    if (this.list.length > 0) throw new PlatformError(this.list);
    if (this.#cascades > 0) throw new Error('a component failed for a missing provider that no other problem explains');
  }
}

function kindRegistry(
  environment: Environment,
  resolved: readonly ResolvedComponent[],
  engine: DeliveryEngine,
): KindRegistry {
  const registry = new KindRegistry()
    .register(BUILT_IN_KINDS, 'Kubernetes')
    .register(MONITORING_KINDS, '@platform/core')
    .register(engine.kinds, `the ${engine.name} delivery engine`);
  for (const { component, definition } of resolved) registry.register(definition.kinds ?? [], component.name);
  registry.register(environment.kinds ?? [], 'the environment');
  registry.assertConsistent();
  return registry;
}

/**
 * Renders an environment completely in memory, in explicit stages, each a named function:
 *
 * 0. check the environment (`checkEnvironment`);
 * 1. resolve each component's configuration, once, and what it provides (`resolveComponent`);
 * 2. build its objects (`buildComponent`);
 * 3. apply the user's overrides (`applyOverrides`);
 * 4. apply the component's and the environment's mixins (`applyMixins`);
 * 5. finalise: namespaces by registered scope, the delivery engine's annotations (`finaliseObjects`);
 * 6. order the components into sync steps and render the delivery objects (`syncSteps`, the engine);
 * 7. serialise every object to YAML (`serialize`);
 * 8. validate every object against its registered schema (`validateObject`).
 *
 * Each stage reports every problem it finds, with its location, as one PlatformError; nothing is written.
 */
export async function renderEnvironment(environment: Environment): Promise<RenderedEnvironment> {
  checkEnvironment(environment);
  const engine = engineFor(environment);
  const view: EnvironmentView = {
    name: environment.name,
    cluster: environment.cluster,
    settings: resolveSettings(environment.name, environment.settings),
    deliveryNamespace: engine.namespace(environment),
  };
  const problems = new Problems(environment.name);

  const resolved: ResolvedComponent[] = [];
  for (const component of environment.components) {
    try {
      resolved.push(resolveComponent(component, view));
    } catch (error) {
      problems.add(error, component.name);
    }
  }
  const failed = new Set(
    environment.components.map((c) => c.name).filter((name) => !resolved.some((r) => r.component.name === name)),
  );
  const provided = new Map<string, Provided>(resolved.map((r) => [r.component.name, r.provided]));
  const namespaces = new Map(environment.components.map((c) => [c.name, c.namespace]));
  const allRoutes = resolved.flatMap((r) => r.routes);

  const environmentPeers = peersOf(provided, namespaces, '', failed, allRoutes);
  const meshProblem = checkMeshChoice(view.settings.mesh, environmentPeers);
  if (meshProblem) problems.add(meshProblem);
  const outsideTheMesh = unmeshedCallers(view.settings.mesh, resolved, environmentPeers);

  let kinds: KindRegistry | undefined;
  try {
    kinds = kindRegistry(environment, resolved, engine);
  } catch (error) {
    problems.add(error);
  }

  const built: BuiltComponent[] = [];
  for (const item of resolved) {
    const { component, definition, state } = item;
    try {
      const { context, objects } = buildComponent(
        item,
        peersOf(provided, namespaces, component.name, failed, allRoutes),
        outsideTheMesh,
      );
      const overridden = applyOverrides(objects, state.patches);
      const mixed = applyMixins(
        overridden,
        [...state.mixins, ...(environment.mixins ?? [])],
        environment.name,
        component.name,
      );
      const dependsOn = definition.dependsOn
        ? runUserCode(`${definition.name}'s dependsOn()`, {}, () => definition.dependsOn!(context))
        : [];
      const component_: BuiltComponent = {
        name: component.name,
        namespace: component.namespace,
        tier: component.tier,
        dependsOn: [...new Set([...dependsOn, ...state.dependsOn])],
        objects: Object.entries(mixed).map(([key, object]) => ({ key, object })),
        helm: definition.helm
          ? runUserCode(`${definition.name}'s helm()`, {}, () => definition.helm!(context))
          : undefined,
        sync: mergeSync(
          definition.sync ? runUserCode(`${definition.name}'s sync()`, {}, () => definition.sync!(context)) : undefined,
          state.sync,
        ),
      };
      if (kinds) built.push(finaliseObjects(component_, kinds, engine));
    } catch (error) {
      problems.add(error, component.name);
    }
  }
  problems.throwIfAny();
  const registry = kinds!;

  for (const component of built) {
    for (const { object } of component.objects) {
      const found = containerProblems(object);
      if (found.length > 0) problems.add(new PlatformError(found), component.name);
    }
  }
  try {
    assertApisProvided(environment, built);
  } catch (error) {
    problems.add(error);
  }
  let steps: SyncStep[] = [];
  try {
    const ordered = withNamespaceCreators(built);
    built.splice(0, built.length, ...ordered);
    steps = syncSteps(built.map((c) => ({ name: c.name, tier: c.tier, dependsOn: c.dependsOn })));
  } catch (error) {
    problems.add(error);
  }
  problems.throwIfAny();

  const objects: RenderedObject[] = [];
  for (const component of [...built].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    for (const { key, object } of component.objects) {
      objects.push({
        component: component.name,
        key,
        object,
        path: `${component.name}/${fileName(object, component.namespace)}`,
        yaml: serialize(object),
      });
    }
  }
  const deliveryNamespace = engine.namespace(environment);
  for (const { key, object, folder } of engine.objects({
    environment,
    view,
    components: built,
    steps,
    kinds: registry,
    provided,
  })) {
    const placed = {
      ...object,
      metadata: {
        ...object.metadata,
        ...(registry.isClusterScoped(object) ? {} : { namespace: object.metadata?.namespace ?? deliveryNamespace }),
      },
    };
    const at = folder ?? engine.folder;
    objects.push({
      component: at,
      key,
      object: placed,
      path: `${at}/${fileName(placed, deliveryNamespace)}`,
      yaml: serialize(placed),
    });
  }

  const files = new Map<string, string>();
  const owners = new Map<string, RenderedObject>();
  for (const rendered of objects) {
    const other = owners.get(rendered.path);
    if (other) {
      problems.add(
        new PlatformError({
          component: rendered.component,
          object: `${rendered.object.kind}/${rendered.object.metadata?.name}`,
          message: `renders the same file ${rendered.path} as ${other.key}: two objects of one kind with the same name and namespace`,
        }),
      );
      continue;
    }
    owners.set(rendered.path, rendered);
    files.set(rendered.path, rendered.yaml);
  }

  const validations = await Promise.all(
    objects.map(async (rendered) => ({ rendered, found: await validateObject(rendered.object, registry) })),
  );
  for (const { rendered, found } of validations) {
    if (found.length > 0) problems.add(new PlatformError(found), rendered.component);
  }
  problems.throwIfAny();

  return {
    environment,
    view,
    components: built,
    steps,
    objects,
    files: new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    kinds: registry,
    routes: allRoutes,
    provided,
    delivery: {
      engine: engine.name,
      folder: engine.folder,
      namespace: engine.namespace(environment),
      rules: [...DELIVERY_RULES, ...engine.rules],
    },
    libraryRules: libraryRules(resolved),
  };
}

/** Each library's rules once, however many of its components the environment composes. */
function libraryRules(resolved: readonly ResolvedComponent[]): PolicyRule[] {
  const rules = new Map<string, PolicyRule>();
  for (const { definition } of resolved)
    for (const rule of definition.rules ?? []) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  return [...rules.values()];
}

/** Declares an environment. Checking happens at render time so every problem is reported with its location. */
export function defineEnvironment(spec: EnvironmentSpec): Environment {
  return {
    ...spec,
    kind: 'PlatformEnvironment',
    render(this: Environment) {
      return renderEnvironment(this);
    },
  };
}
