import { ConfigChecks, mergeConfig } from './config.js';
import type { Capabilities, CapabilityName, Provided } from './endpoints.js';
import { PlatformError } from './errors.js';
import { didYouMean } from './suggest.js';
import type { Mixin } from './mixins.js';
import { namespaceObject } from './namespace.js';
import { networkPolicies, type NetworkAccess } from './network.js';
import type { INamespace, INetworkPolicy } from './kinds.js';
import type { KubeObject, ObjectMap } from './objects.js';
import { applyPatch, type DeepPartial, type Patch } from './patch.js';
import type { ResolvedSettings } from './settings.js';

/**
 * Sync tiers, in the order a first sync brings them up. Every Application of a tier must be healthy
 * before the next tier's Applications are created.
 */
export const TIERS = ['crds', 'operators', 'platform', 'workloads'] as const;
export type Tier = (typeof TIERS)[number];

/** Pod Security Standards level enforced on a component's namespace. */
export type PodSecurityLevel = 'restricted' | 'baseline' | 'privileged';

/** An upstream Helm chart, pinned, installed by Argo CD with typed values. */
export interface HelmChart<V extends object = Record<string, unknown>> {
  /** Chart repository URL (`https://...` or `oci://...`). */
  repoURL: string;
  /** Chart name in the repository. */
  chart: string;
  /** Exact chart version: never a range, so a render is reproducible. */
  version: string;
  /** Helm release name. Default: the component name. */
  releaseName?: string;
  /** Values passed to the chart. */
  values: V;
}

/** One Argo CD ignoreDifferences rule. */
export interface IgnoreDifference {
  group?: string;
  kind: string;
  name?: string;
  namespace?: string;
  jsonPointers?: string[];
  jqPathExpressions?: string[];
  managedFieldsManagers?: string[];
}

/** How Argo CD syncs a component's Application. */
export interface SyncSettings {
  /** Apply every object of the Application server-side. Large objects get it per object anyway. */
  serverSideApply?: boolean;
  /** Extra Argo CD sync options, e.g. `RespectIgnoreDifferences=true`. */
  syncOptions?: string[];
  /** Fields Argo CD must not diff (webhook caBundles, replicas owned by an HPA ...). */
  ignoreDifferences?: IgnoreDifference[];
}

/** The environment as a component sees it while building. */
export interface EnvironmentView {
  name: string;
  cluster: { name: string; server: string };
  settings: ResolvedSettings;
  /** Namespace Argo CD runs in. */
  argocdNamespace: string;
}

/** Looks up what other components of the environment provide. */
export interface Peers {
  /** Every provider of a capability, in component order. */
  all<K extends CapabilityName>(capability: K): Capabilities[K][];
  /** The one provider of a capability, or undefined. */
  find<K extends CapabilityName>(capability: K): Capabilities[K] | undefined;
  /** The provider of a capability; a clear render error naming the component that needs it when there is none. */
  require<K extends CapabilityName>(capability: K, why: string): Capabilities[K];
  /** Namespace of a component of the environment, if present. */
  namespaceOf(component: string): string | undefined;
}

/** What a component's functions receive. */
export interface BuildContext<C> {
  /** Component instance name, e.g. `mimir`. */
  name: string;
  /** Namespace the component deploys to. */
  namespace: string;
  /** The merged, checked configuration. */
  config: C;
  environment: EnvironmentView;
  peers: Peers;
}

/** What a component library declares; see {@link defineComponent}. */
export interface ComponentDefinition<C extends object, O extends ObjectMap> {
  /** Default instance name and namespace, e.g. `mimir`. */
  name: string;
  /** Sync tier. */
  tier: Tier;
  /** Complete default configuration; its shape is also the schema user config is checked against. */
  defaults: C;
  /** Semantic checks of the merged configuration (ranges, formats, combinations). */
  check?(config: C, checks: ConfigChecks, context: Omit<BuildContext<C>, 'peers'>): void;
  /** Components this one must come after. */
  dependsOn?(context: BuildContext<C>): string[];
  /** Endpoints this component publishes for its peers. Must not depend on peers. */
  provides?(context: Omit<BuildContext<C>, 'peers'>): Provided;
  /** The component's named objects. */
  build(context: BuildContext<C>): O;
  /** The upstream chart Argo CD installs alongside the objects, if any. */
  helm?(context: BuildContext<C>): HelmChart<object>;
  /** Network access the component's pods need (turned into NetworkPolicies). */
  network?(context: BuildContext<C>): NetworkAccess;
  /** Argo CD sync settings. */
  sync?(context: BuildContext<C>): SyncSettings;
  /** Pod Security level of the namespace. Default `restricted`. */
  podSecurity?: PodSecurityLevel;
  /**
   * Cluster-scoped kinds the component's chart creates (CRDs, ClusterRoles, webhooks ...), which the
   * environment's AppProject must allow. Kinds of rendered objects are added automatically.
   */
  clusterResources?: Array<{ group: string; kind: string }>;
}

/** The objects the core adds to every component that owns its namespace. */
export type NamespaceObjects = { namespace?: INamespace } & { [K in `networkpolicy_${string}`]?: INetworkPolicy };

/** Overrides of a component's named objects (its own and the core's namespace objects); `null` removes an object. */
export type ObjectsPatch<O extends ObjectMap> = { [K in keyof (O & NamespaceObjects)]?: Patch<(O & NamespaceObjects)[K]> | null };

/** A component as the renderer sees it, after building. */
export interface BuiltComponent {
  name: string;
  namespace: string;
  tier: Tier;
  dependsOn: string[];
  objects: Array<{ key: string; object: KubeObject }>;
  helm?: HelmChart<object>;
  sync: SyncSettings;
  network?: NetworkAccess;
  podSecurity: PodSecurityLevel;
  /** Whether the namespace's objects (Namespace, NetworkPolicies) are rendered by this component; they are named `namespace` and `networkpolicy_*` and can be overridden like any other object. */
  ownsNamespace: boolean;
}

interface ComponentState<C extends object> {
  name?: string;
  namespace?: string;
  configLayers: Array<DeepPartial<C>>;
  patches: Array<ObjectsPatch<ObjectMap>>;
  additions: ObjectMap;
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
  /** Instance name: also the Argo CD Application's and the output folder's name. */
  readonly name: string;
  /** Namespace the component deploys to. Default: its name. */
  readonly namespace: string;
  /** Sync tier. */
  readonly tier: Tier;
  /** Cluster-scoped kinds the component's chart creates. */
  readonly clusterResources: Array<{ group: string; kind: string }>;
  /** The component's own mixins, applied by the renderer before the environment's. */
  readonly mixins: readonly Mixin[];
  /** Deep-merges more configuration over what the component has (Jsonnet's `_config+::`). */
  configure(config: DeepPartial<C>): Component<C, O>;
  /**
   * Deep-overrides generated objects by name (Jsonnet's `+:`): `{ distributor_deployment: { spec: { replicas: 5 } } }`.
   * `null` deletes a field or a whole object; lists of named items merge by name.
   */
  override(patch: ObjectsPatch<O>): Component<C, O>;
  /** Adds objects of your own to the component, under names of your choice. */
  addObjects<A extends ObjectMap>(objects: A): Component<C, O & A>;
  /** Applies functions to every object of this component. */
  mixin(...mixins: Mixin[]): Component<C, O>;
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
  /** Adds Argo CD sync settings. */
  withSync(sync: SyncSettings): Component<C, O>;
  /** The merged and checked configuration. Throws a PlatformError naming every problem. */
  resolveConfig(environment: EnvironmentView): C;
  /** What the component publishes for its peers. */
  provides(environment: EnvironmentView): Provided;
  /** Builds the component's objects with overrides and mixins applied (mixins of the environment come later). */
  build(environment: EnvironmentView, peers: Peers): BuiltComponent;
}

class ComponentInstance<C extends object, O extends ObjectMap> implements Component<C, O> {
  readonly #definition: ComponentDefinition<C, O>;
  readonly #state: ComponentState<C>;

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

  get clusterResources(): Array<{ group: string; kind: string }> {
    return this.#definition.clusterResources ?? [];
  }

  get tier(): Tier {
    return this.#state.tier ?? this.#definition.tier;
  }

  #with(changes: Partial<ComponentState<C>>): Component<C, O> {
    return new ComponentInstance(this.#definition, { ...this.#state, ...changes });
  }

  /** Deep-merges more configuration over what the component has (Jsonnet's `_config+::`). */
  configure(config: DeepPartial<C>): Component<C, O> {
    return this.#with({ configLayers: [...this.#state.configLayers, config] });
  }

  /**
   * Deep-overrides generated objects by name (Jsonnet's `+:`): `{ distributor_deployment: { spec: { replicas: 5 } } }`.
   * `null` deletes a field or a whole object; lists of named items merge by name.
   */
  override(patch: ObjectsPatch<O>): Component<C, O> {
    return this.#with({ patches: [...this.#state.patches, patch as ObjectsPatch<ObjectMap>] });
  }

  /** Adds objects of your own to the component, under names of your choice. */
  addObjects<A extends ObjectMap>(objects: A): Component<C, O & A> {
    return this.#with({ additions: { ...this.#state.additions, ...objects } }) as unknown as Component<C, O & A>;
  }

  /** Applies functions to every object of this component. */
  mixin(...mixins: Mixin[]): Component<C, O> {
    return this.#with({ mixins: [...this.#state.mixins, ...mixins] });
  }

  /** Renames the instance (for two instances of one library in an environment). Namespace follows unless set. */
  named(name: string): Component<C, O> {
    return this.#with({ name });
  }

  /**
   * Deploys to another namespace. With `create: false` the component renders no Namespace and no
   * namespace-wide NetworkPolicies there: another component (or the cluster) owns them.
   */
  inNamespace(namespace: string, { create = true }: { create?: boolean } = {}): Component<C, O> {
    return this.#with({ namespace, createNamespace: create });
  }

  /** Orders this component after others, in addition to what the library declares. */
  after(...components: string[]): Component<C, O> {
    return this.#with({ dependsOn: [...this.#state.dependsOn, ...components] });
  }

  /** Moves the component to another sync tier. */
  inTier(tier: Tier): Component<C, O> {
    return this.#with({ tier });
  }

  /** Adds Argo CD sync settings. */
  withSync(sync: SyncSettings): Component<C, O> {
    const merged: SyncSettings = {
      serverSideApply: sync.serverSideApply ?? this.#state.sync.serverSideApply,
      syncOptions: [...(this.#state.sync.syncOptions ?? []), ...(sync.syncOptions ?? [])],
      ignoreDifferences: [...(this.#state.sync.ignoreDifferences ?? []), ...(sync.ignoreDifferences ?? [])],
    };
    return this.#with({ sync: merged });
  }

  /** The merged and checked configuration. Throws a PlatformError naming every problem. */
  resolveConfig(environment: EnvironmentView): C {
    const config = mergeConfig(this.#definition.defaults, ...this.#state.configLayers);
    if (this.#definition.check) {
      const checks = new ConfigChecks();
      this.#definition.check(config, checks, { name: this.name, namespace: this.namespace, config, environment });
      checks.done();
    }
    return config;
  }

  /** What the component publishes for its peers. */
  provides(environment: EnvironmentView): Provided {
    if (!this.#definition.provides) return {};
    const config = this.resolveConfig(environment);
    return this.#definition.provides({ name: this.name, namespace: this.namespace, config, environment });
  }

  /** Builds the component's objects with overrides and mixins applied (mixins of the environment come later). */
  build(environment: EnvironmentView, peers: Peers): BuiltComponent {
    const definition = this.#definition;
    const config = this.resolveConfig(environment);
    const context: BuildContext<C> = { name: this.name, namespace: this.namespace, config, environment, peers };
    const network = definition.network?.(context) ?? {};
    const podSecurity = definition.podSecurity ?? 'restricted';
    const generated: ObjectMap = {
      ...(this.#state.createNamespace === false ? {} : { namespace: namespaceObject(this.namespace, this.name, podSecurity) }),
      ...networkPolicies(this.name, this.namespace, network, environment, peers, { namespaceWide: this.#state.createNamespace !== false }),
      ...definition.build(context),
      ...this.#state.additions,
    };

    let objects: Record<string, KubeObject | null> = generated;
    for (const patch of this.#state.patches) {
      const unknown = Object.keys(patch).filter((key) => !(key in objects));
      if (unknown.length > 0) {
        throw new PlatformError(unknown.map((key) => ({
          path: `override.${key}`,
          message: `the component renders no object named "${key}"${didYouMean(key, Object.keys(objects), (name) => name.replace(/_/g, '').toLowerCase())}; its objects are: ${Object.keys(objects).sort().join(', ')}`,
        })));
      }
      const next: Record<string, KubeObject | null> = { ...objects };
      for (const [key, objectPatch] of Object.entries(patch)) {
        if (objectPatch === undefined) continue;
        next[key] = objectPatch === null ? null : applyPatch(objects[key]!, objectPatch as Patch<KubeObject>);
      }
      objects = next;
    }

    const staticSync = definition.sync?.(context) ?? {};
    return {
      name: this.name,
      namespace: this.namespace,
      tier: this.tier,
      dependsOn: [...new Set([...(definition.dependsOn?.(context) ?? []), ...this.#state.dependsOn])],
      objects: Object.entries(objects)
        .filter((entry): entry is [string, KubeObject] => entry[1] !== null)
        .map(([key, object]) => ({ key, object })),
      helm: definition.helm?.(context),
      sync: {
        serverSideApply: this.#state.sync.serverSideApply ?? staticSync.serverSideApply,
        syncOptions: [...(staticSync.syncOptions ?? []), ...(this.#state.sync.syncOptions ?? [])],
        ignoreDifferences: [...(staticSync.ignoreDifferences ?? []), ...(this.#state.sync.ignoreDifferences ?? [])],
      },
      network,
      podSecurity,
      ownsNamespace: this.#state.createNamespace !== false,
    };
  }

  /** The component's own mixins, applied by the renderer before the environment's. */
  get mixins(): readonly Mixin[] {
    return this.#state.mixins;
  }
}

/** Any component, whatever its configuration and objects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyComponent = Component<any, any>;

/**
 * Declares a component library. Returns the function users call in an environment:
 * `export const mimir = defineComponent({ name: 'mimir', tier: 'platform', defaults, build })`, then
 * `mimir({ ingester: { replicas: 6 } })`.
 */
export function defineComponent<C extends object, O extends ObjectMap>(definition: ComponentDefinition<C, O>): (config?: DeepPartial<C>) => Component<C, O> {
  return (config) => new ComponentInstance(definition, {
    configLayers: config === undefined ? [] : [config],
    patches: [],
    additions: {},
    mixins: [],
    dependsOn: [],
    sync: {},
  });
}
