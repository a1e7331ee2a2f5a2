import type { Provided } from '../model/capabilities.js';
import type { EnvironmentView } from '../model/definition.js';
import type { Environment } from '../model/environment.js';
import type { KubeObject } from '../model/objects.js';
import type { PolicyRule } from '../model/policy.js';
import type { BuiltComponent, SyncStep } from '../model/rendered.js';
import type { KindDefinition, KindRegistry } from '../registry/kinds.js';

/** What a delivery engine is given to render the objects that deliver an environment. */
export interface DeliveryInput {
  environment: Environment;
  view: EnvironmentView;
  components: BuiltComponent[];
  steps: SyncStep[];
  kinds: KindRegistry;
  /** What each component provides (an Alertmanager to notify, a secret store ...). */
  provided: ReadonlyMap<string, Provided>;
}

/** One object the engine renders, by key, and the folder of `rendered/<env>/` it is written to. */
export interface DeliveryObject {
  key: string;
  object: KubeObject;
  /** Folder; default the engine's `folder`. */
  folder?: string;
}

/**
 * A GitOps engine that applies rendered components (Argo CD, Flux). Everything engine-specific lives behind
 * this interface: the pipeline, the components and the policy rules never know which engine delivers.
 */
export interface DeliveryEngine {
  /** `argocd`, `flux`. */
  readonly name: string;
  /** Folder of `rendered/<env>/` that holds the engine's objects, e.g. `_argocd`. */
  readonly folder: string;
  /** The kinds of the engine's own objects. */
  readonly kinds: readonly KindDefinition[];
  /** Namespace the engine runs in. */
  namespace(environment: Environment): string;
  /**
   * The engine's form of what the pipeline decided neutrally (first-sync stages, server-side apply of large
   * objects), on a component's finished object, before it is serialised. Returns a new object.
   */
  finaliseObject(object: KubeObject, component: BuiltComponent): KubeObject;
  /** The objects that deliver the environment. */
  objects(input: DeliveryInput): DeliveryObject[];
  /** The engine's delivery checks, run by `pnpm check` with the policy rules. */
  readonly rules: readonly PolicyRule[];
}
