import type { NetworkAccess } from '../k8s/network/types.js';
import type { KindDefinition } from '../registry/kinds.js';
import type { Provided } from './capabilities.js';
import type { ChartInstall } from './chart.js';
import type { ConfigChecks } from './config-checks.js';
import type { ObjectMap } from './objects.js';
import type { Peers } from './peers.js';
import type { PolicyRule } from './policy.js';
import type { Route } from './routes.js';
import type { ResolvedSettings } from './settings.js';
import type { SyncSettings } from './sync.js';
import type { Tier } from './tiers.js';

/** Pod Security Standards level enforced on a component's namespace. */
export type PodSecurityLevel = 'restricted' | 'baseline' | 'privileged';

/** The environment as a component sees it while building. */
export interface EnvironmentView {
  name: string;
  cluster: { name: string; server: string };
  settings: ResolvedSettings;
  /** Namespace the delivery engine (Argo CD, Flux) runs in. */
  deliveryNamespace: string;
}

/** What a component's `check` and `provides` receive: everything but its peers. */
export interface ComponentContext<C> {
  /** Component instance name, e.g. `mimir`. */
  name: string;
  /** Namespace the component deploys to. */
  namespace: string;
  /** The merged, checked configuration. */
  config: C;
  environment: EnvironmentView;
}

/** What a component's build functions receive. */
export interface BuildContext<C> extends ComponentContext<C> {
  peers: Peers;
}

/** A group and kind, as CRDs and AppProject allow-lists name an API: `{ group: 'cert-manager.io', kind: 'Certificate' }`. */
export interface GroupKind {
  /** API group; `''` for the core group. */
  group: string;
  kind: string;
}

/** What a library declares; see {@link defineComponent}. */
export interface ComponentDefinition<C extends object, O extends ObjectMap> {
  /** Default instance name and namespace, e.g. `mimir`. */
  name: string;
  /** Sync tier. */
  tier: Tier;
  /** Complete default configuration; its shape is also the schema user configuration is checked against. */
  defaults: C;
  /** Semantic checks of the merged configuration (ranges, formats, combinations). */
  check?(config: C, checks: ConfigChecks, context: ComponentContext<C>): void;
  /** Components this one must come after. */
  dependsOn?(context: BuildContext<C>): string[];
  /** Endpoints this component publishes for its peers. Must not depend on peers. */
  provides?(context: ComponentContext<C>): Provided;
  /** The component's named objects. */
  build(context: BuildContext<C>): O;
  /**
   * The HTTP(S) endpoints the component exposes, as data; the environment's edge component renders them.
   * Must not depend on peers.
   */
  routes?(context: ComponentContext<C>): Route[];
  /** The upstream chart the delivery engine installs alongside the objects, if any. */
  helm?(context: BuildContext<C>): ChartInstall<object>;
  /** Network access the component's pods need (turned into NetworkPolicies). */
  network?(context: BuildContext<C>): NetworkAccess;
  /** Delivery settings (server-side apply, fields the engine must not diff). */
  sync?(context: BuildContext<C>): SyncSettings;
  /** Pod Security level of the namespace. Default `restricted`. */
  podSecurity?: PodSecurityLevel;
  /**
   * The kinds this library renders that Kubernetes does not build in (its CRDs' kinds): schema and scope, so
   * that every object of them is validated and placed in a namespace or not. Kinds of the same API rendered by
   * several libraries are declared by each; the renderer checks they agree.
   */
  kinds?: readonly KindDefinition[];
  /**
   * `pnpm check` rules this library brings (its operator's pitfalls, its own invariants): they run in every
   * environment that composes one of its components. An environment's `policy.rules` entry with the same id
   * replaces it (a differently configured instance); `policy.severities` adjusts or turns it off.
   */
  rules?: readonly PolicyRule[];
}
