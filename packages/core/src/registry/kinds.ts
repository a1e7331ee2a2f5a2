import type { GroupKind } from '../model/definition.js';
import { PlatformError, type Problem } from '../model/errors.js';
import { apiGroup, type KubeObject } from '../model/objects.js';
import type { StructuralSchema } from '../validation/structural-schema.js';

/** A kubernetes-models class: validates an instance built from plain data. */
export interface ModelClass {
  // biome-ignore lint/suspicious/noExplicitAny: kubernetes-models constructors take their own data types.
  new (data: any): { validate(): void };
}

/** How objects of a kind are validated. */
export type KindSchema =
  /** A kubernetes-models class, loaded on demand by deep path (importing model barrels costs seconds). */
  | { model: () => Promise<ModelClass> }
  /** The CRD's `openAPIV3Schema` (generated from the upstream CRD by `scripts/crd-schemas/derive.ts`). */
  | { openAPIV3Schema: StructuralSchema }
  /** The same, loaded on first use (large schemas stay out of start-up). */
  | { load: () => Promise<StructuralSchema> };

/** An object a controller creates from another one: what a Pod may reference without anyone rendering it. */
export interface ProducedObject {
  /** `Secret`, `ConfigMap` ... (core group kinds). */
  kind: string;
  name: string;
  /** Default: the producing object's namespace. */
  namespace?: string;
}

/** One API kind the toolkit can render: where it lives, whether it is namespaced, and its schema. */
export interface KindDefinition {
  /** `group/version`, or `v1` for the core group. */
  apiVersion: string;
  kind: string;
  scope: 'Namespaced' | 'Cluster';
  schema: KindSchema;
  /**
   * The objects the kind's controller creates from an object of it (the Secret of an ExternalSecret or a
   * Certificate, the credentials and CA Secrets of a CloudNativePG Cluster), read from the controller's source
   * at the pinned version. `pnpm check` counts them as present when pods reference them.
   */
  produces?(object: KubeObject): ProducedObject[];
}

/** `apps/v1/Deployment`: the key a kind is registered under. */
export function kindKey(object: { apiVersion: string; kind: string }): string {
  return `${object.apiVersion}/${object.kind}`;
}

/** `apps/Deployment`: an API independent of its version, as CRDs and AppProjects name it. */
export function groupKindKey(groupKind: GroupKind): string {
  return `${groupKind.group}/${groupKind.kind}`;
}

/** Who registered a kind, for messages about registrations that disagree. */
interface Registration {
  definition: KindDefinition;
  source: string;
}

/**
 * The kinds one render knows: Kubernetes' built-in kinds, the delivery engine's, and every kind the
 * environment's libraries (and the environment itself) declare. Built per render from declarations: nothing
 * global, so two environments with different libraries never see each other's kinds.
 */
export class KindRegistry {
  readonly #kinds = new Map<string, Registration>();
  readonly #problems: Problem[] = [];

  /** Registers kinds declared by `source` (a component name, `environment` or `core`). */
  register(definitions: readonly KindDefinition[], source: string): this {
    for (const definition of definitions) {
      const key = kindKey(definition);
      const existing = this.#kinds.get(key);
      if (existing && existing.definition.scope !== definition.scope) {
        this.#problems.push({
          component: source,
          message: `${key} is declared ${definition.scope === 'Cluster' ? 'cluster-scoped' : 'namespaced'} here and ${existing.definition.scope === 'Cluster' ? 'cluster-scoped' : 'namespaced'} by ${existing.source}`,
        });
        continue;
      }
      if (!existing) this.#kinds.set(key, { definition, source });
    }
    return this;
  }

  /** Throws the disagreements found while registering. */
  assertConsistent(): void {
    if (this.#problems.length > 0) throw new PlatformError(this.#problems);
  }

  /** What controllers create from `object`, with namespaces filled in; none when its kind declares nothing. */
  producedBy(object: KubeObject): Array<Required<ProducedObject>> {
    const produces = this.get(object)?.produces;
    if (!produces) return [];
    const namespace = object.metadata?.namespace ?? '';
    return produces(object).map((produced) => ({ namespace, ...produced }));
  }

  /** The definition of an object's kind, if registered. */
  get(object: { apiVersion: string; kind: string }): KindDefinition | undefined {
    return this.#kinds.get(kindKey(object))?.definition;
  }

  /** Whether any version of a group/kind is registered as cluster-scoped. */
  isClusterScoped(object: KubeObject): boolean | undefined {
    const definition = this.get(object);
    return definition ? definition.scope === 'Cluster' : undefined;
  }

  /** Registered versions of an object's group and kind (to suggest the right apiVersion). */
  versionsOf(object: KubeObject): string[] {
    const group = apiGroup(object);
    return [...this.#kinds.values()]
      .map((r) => r.definition)
      .filter((d) => d.kind === object.kind && apiGroup(d) === group)
      .map((d) => d.apiVersion)
      .sort();
  }
}
