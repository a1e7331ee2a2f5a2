import type { KindRegistry } from '../registry/kinds.js';
import type { Provided } from './capabilities.js';
import type { ChartInstall } from './chart.js';
import type { EnvironmentView } from './definition.js';
import type { Environment } from './environment.js';
import type { KubeObject } from './objects.js';
import type { PolicyRule } from './policy.js';
import type { DeclaredRoute } from './routes.js';
import type { SyncSettings } from './sync.js';
import type { Tier } from './tiers.js';

/** A component after the pipeline built it: its objects (overridden, mixed in, finalised) and delivery facts. */
export interface BuiltComponent {
  name: string;
  namespace: string;
  tier: Tier;
  /** Components this one comes after (the library's and the user's). */
  dependsOn: string[];
  /** Named objects in build order. */
  objects: Array<{ key: string; object: KubeObject }>;
  /** The upstream chart installed alongside the objects, if any. */
  helm?: ChartInstall<object>;
  sync: SyncSettings;
}

/** One step of the first sync: components brought up together, after every earlier step is healthy. */
export interface SyncStep {
  /** Position in the first sync, 1-based. */
  wave: number;
  tier: Tier;
  /** Level inside the tier (1 for components with no dependency in the same tier). */
  level: number;
  /** Component names, sorted. */
  components: string[];
}

/** One rendered object and where it is written. */
export interface RenderedObject {
  /** Component name, or the delivery folder (`_argocd`) for delivery objects. */
  component: string;
  /** The object's name in its component (`distributor_deployment`). */
  key: string;
  object: KubeObject;
  /** Path relative to `rendered/<env>/`, e.g. `mimir/deployment-distributor.yaml`. */
  path: string;
  /** The YAML written for it. */
  yaml: string;
}

/** The complete, validated output of one environment. */
export interface RenderedEnvironment {
  environment: Environment;
  view: EnvironmentView;
  components: BuiltComponent[];
  steps: SyncStep[];
  objects: RenderedObject[];
  /** Every file of `rendered/<env>/`, by relative path, sorted. */
  files: Map<string, string>;
  /** The kinds this render knew (built-in, the engine's, the libraries' and the environment's). */
  kinds: KindRegistry;
  /** Every route the components declare, with its resolved host. */
  routes: DeclaredRoute[];
  /** What each component provides, by component name. */
  provided: ReadonlyMap<string, Provided>;
  /** The delivery engine that rendered the delivery objects, its folder, and its checks for `pnpm check`. */
  delivery: {
    engine: string;
    folder: string;
    /** The namespace the engine runs in: its own install creates it (`flux install`, Argo CD's bootstrap). */
    namespace?: string;
    rules: readonly PolicyRule[];
  };
  /** The rules the composed libraries bring (their `rules`), each once, in component order. */
  libraryRules: readonly PolicyRule[];
}
