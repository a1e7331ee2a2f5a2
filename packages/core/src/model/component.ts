import type { INamespace, INetworkPolicy } from '../registry/kubernetes-types.js';
import type { Provided } from './capabilities.js';
import type { BuildContext, ComponentDefinition } from './definition.js';
import type { Mixin } from './mixin.js';
import type { ObjectMap } from './objects.js';
import type { DeepPartial, Patch } from './patch.js';
import type { Route } from './routes.js';
import { mergeSync, type SyncSettings } from './sync.js';
import type { Tier } from './tiers.js';

/** The objects the core adds to every component that owns its namespace. */
export type NamespaceObjects = { namespace?: INamespace } & { [K in `networkpolicy_${string}`]?: INetworkPolicy };

/** Overrides of a component's named objects (its own and the core's namespace objects); `null` removes an object. */
export type ObjectsPatch<O extends ObjectMap> = {
  [K in keyof (O & NamespaceObjects)]?: Patch<(O & NamespaceObjects)[K]> | null;
};

/** What a function passed to {@link Component.addObjects} receives: the build context plus what the component provides. */
export interface AddObjectsContext extends BuildContext<unknown> {
  /** The endpoints the component itself publishes (its `provides`). */
  provided: Provided;
}

/** What a function passed to {@link Component.addRoutes} receives: the component's context and what it provides. */
export interface AddRoutesContext {
  name: string;
  namespace: string;
  provided: Provided;
}

/** Objects to add: a map, or a function of the component's build context that returns one. */
export type ObjectAdditions<A extends ObjectMap> = A | ((context: AddObjectsContext) => A);

/**
 * Everything a component instance holds besides its library's definition: the user's configuration layers,
 * overrides, additions and delivery settings, in the order they were given. Read by the render pipeline.
 */
export interface ComponentState<C extends object> {
  name?: string;
  namespace?: string;
  configLayers: Array<DeepPartial<C>>;
  patches: Array<ObjectsPatch<ObjectMap>>;
  additions: Array<ObjectAdditions<ObjectMap>>;
  routes: Array<Route[] | ((context: AddRoutesContext) => Route[])>;
  mixins: Mixin[];
  dependsOn: string[];
  sync: SyncSettings;
  tier?: Tier;
  createNamespace?: boolean;
}

/**
 * One component of an environment: a library's definition plus the user's configuration, overrides and
 * mixins. Every method returns a new component, so a shared base can be refined per environment.
 * (An interface, so that components of different @platform/core versions stay compatible types.)
 */
export interface Component<C extends object = object, O extends ObjectMap = ObjectMap> {
  /** Instance name: also the delivery engine's Application and the output folder's name. */
  readonly name: string;
  /** Namespace the component deploys to. Default: its name. */
  readonly namespace: string;
  /** Sync tier. */
  readonly tier: Tier;
  /** Deep-merges more configuration over what the component has (Jsonnet's `_config+::`). */
  configure(config: DeepPartial<C>): Component<C, O>;
  /**
   * Deep-overrides generated objects by name (Jsonnet's `+:`): `{ distributor_deployment: { spec: { replicas: 5 } } }`.
   * `null` deletes a field or a whole object; lists of named items merge by name.
   */
  override(patch: ObjectsPatch<O>): Component<C, O>;
  /**
   * Adds objects of your own to the component, under names of your choice; or a function that builds them from
   * the component's context (its namespace, configuration, peers and the endpoints it provides).
   */
  addObjects<A extends ObjectMap>(objects: ObjectAdditions<A>): Component<C, O & A>;
  /** Applies functions to every object of this component. */
  mixin(...mixins: Mixin[]): Component<C, O>;
  /**
   * Exposes more of the component through the environment's edge: routes as data, or a function of what the
   * component provides (its Services' addresses) returning them.
   */
  addRoutes(routes: Route[] | ((context: AddRoutesContext) => Route[])): Component<C, O>;
  /** Renames the instance (for two instances of one library in an environment). Namespace follows unless set. */
  named(name: string): Component<C, O>;
  /**
   * Deploys to another namespace. With `create: false` the component renders no Namespace and no
   * namespace-wide NetworkPolicies there: another component (or the cluster) owns them.
   */
  inNamespace(namespace: string, options?: { create?: boolean }): Component<C, O>;
  /** Orders this component after others, in addition to what the library declares. */
  after(...components: string[]): Component<C, O>;
  /** Moves the component to another sync tier. */
  inTier(tier: Tier): Component<C, O>;
  /** Adds delivery settings. */
  withSync(sync: SyncSettings): Component<C, O>;
  /**
   * The library's definition and the instance's state, for the render pipeline of the same @platform/core.
   * @internal
   */
  readonly plan: { definition: ComponentDefinition<C, O>; state: ComponentState<C> };
}

/** Any component, whatever its configuration and objects. */
// biome-ignore lint/suspicious/noExplicitAny: a component of any library, whatever its configuration type.
export type AnyComponent = Component<any, any>;

/** Marks values made by {@link defineComponent}, so that a library function passed uncalled is recognised. */
export const COMPONENT_BRAND = '__platformComponent';

class ComponentInstance<C extends object, O extends ObjectMap> implements Component<C, O> {
  readonly #definition: ComponentDefinition<C, O>;
  readonly #state: ComponentState<C>;
  readonly [COMPONENT_BRAND] = true;

  constructor(definition: ComponentDefinition<C, O>, state: ComponentState<C>) {
    this.#definition = definition;
    this.#state = state;
  }

  get name(): string {
    return this.#state.name ?? this.#definition.name;
  }

  get namespace(): string {
    return this.#state.namespace ?? this.name;
  }

  get tier(): Tier {
    return this.#state.tier ?? this.#definition.tier;
  }

  get plan(): { definition: ComponentDefinition<C, O>; state: ComponentState<C> } {
    return { definition: this.#definition, state: this.#state };
  }

  #with(changes: Partial<ComponentState<C>>): Component<C, O> {
    return new ComponentInstance(this.#definition, { ...this.#state, ...changes });
  }

  configure(config: DeepPartial<C>): Component<C, O> {
    return this.#with({ configLayers: [...this.#state.configLayers, config] });
  }

  override(patch: ObjectsPatch<O>): Component<C, O> {
    return this.#with({ patches: [...this.#state.patches, patch as ObjectsPatch<ObjectMap>] });
  }

  addObjects<A extends ObjectMap>(objects: ObjectAdditions<A>): Component<C, O & A> {
    return this.#with({
      additions: [...this.#state.additions, objects as ObjectAdditions<ObjectMap>],
    }) as unknown as Component<C, O & A>;
  }

  mixin(...mixins: Mixin[]): Component<C, O> {
    return this.#with({ mixins: [...this.#state.mixins, ...mixins] });
  }

  addRoutes(routes: Route[] | ((context: AddRoutesContext) => Route[])): Component<C, O> {
    return this.#with({ routes: [...this.#state.routes, routes] });
  }

  named(name: string): Component<C, O> {
    return this.#with({ name });
  }

  inNamespace(namespace: string, { create = true }: { create?: boolean } = {}): Component<C, O> {
    return this.#with({ namespace, createNamespace: create });
  }

  after(...components: string[]): Component<C, O> {
    return this.#with({ dependsOn: [...this.#state.dependsOn, ...components] });
  }

  inTier(tier: Tier): Component<C, O> {
    return this.#with({ tier });
  }

  withSync(sync: SyncSettings): Component<C, O> {
    return this.#with({ sync: mergeSync(this.#state.sync, sync) });
  }
}

/**
 * Declares a component library. Returns the function users call in an environment:
 * `export const mimir = defineComponent({ name: 'mimir', tier: 'platform', defaults, build })`, then
 * `mimir({ ingester: { replicas: 6 } })`.
 */
export function defineComponent<C extends object, O extends ObjectMap>(
  definition: ComponentDefinition<C, O>,
): (config?: DeepPartial<C>) => Component<C, O> {
  const factory = (config?: DeepPartial<C>): Component<C, O> =>
    new ComponentInstance(definition, {
      configLayers: config === undefined ? [] : [config],
      patches: [],
      additions: [],
      routes: [],
      mixins: [],
      dependsOn: [],
      sync: {},
    });
  // The library's name on the factory itself, so an environment that lists `mimir` instead of `mimir()` is told to call it.
  Object.defineProperty(factory, 'platformComponentName', { value: definition.name });
  return factory;
}

/** Whether `value` is a component made by {@link defineComponent} (of any @platform/core version with the brand). */
export function isComponent(value: unknown): value is AnyComponent {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[COMPONENT_BRAND] === true;
}

/** The library name of an uncalled component factory (`mimir` for `mimir` passed instead of `mimir()`), if it is one. */
export function uncalledComponentName(value: unknown): string | undefined {
  if (typeof value !== 'function') return undefined;
  const name = (value as { platformComponentName?: unknown }).platformComponentName;
  return typeof name === 'string' ? name : undefined;
}
