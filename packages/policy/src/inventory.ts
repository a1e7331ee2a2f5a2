import {
  apiGroup,
  type BuiltComponent,
  type FindingInput,
  type IContainer,
  type IHorizontalPodAutoscaler,
  type IPodSpec,
  type KubeObject,
  podContainers,
  podSpecOf,
  podSpecPath,
  type RenderedEnvironment,
  type RenderedObject,
} from '@platform/core';

/** `Kind/namespace/name` (`Kind//name` when cluster-scoped): how findings and `environment.external` name objects. */
export function objectId(object: KubeObject): string {
  return `${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

/** A rendered object that runs pods, with its pod template located. */
export interface PodWorkload {
  rendered: RenderedObject;
  object: KubeObject;
  component: string;
  kind: string;
  namespace: string;
  name: string;
  spec: IPodSpec;
  /** Path of the pod spec inside the object: `spec.template.spec`, `spec.jobTemplate.spec.template.spec` or `spec` (Pod). */
  specPath: string;
  /** Path of the pod template's metadata: `spec.template.metadata` ... or `metadata` (Pod). */
  templateMetadataPath: string;
  labels: Record<string, string>;
  /** False for Jobs and CronJobs, whose pods run to completion. */
  longRunning: boolean;
}

/** A container of a pod workload with its field path. */
export interface LocatedContainer {
  container: IContainer;
  init: boolean;
  /** `spec.template.spec.containers[name=web]`. */
  path: string;
}

interface TemplateMetadata {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** The kinds that run pods, by API group; where their pod spec sits is core's `podSpecPath`. */
const WORKLOAD_KINDS: Record<string, { group: string; longRunning: boolean }> = {
  Pod: { group: '', longRunning: true },
  ReplicationController: { group: '', longRunning: true },
  Deployment: { group: 'apps', longRunning: true },
  StatefulSet: { group: 'apps', longRunning: true },
  DaemonSet: { group: 'apps', longRunning: true },
  ReplicaSet: { group: 'apps', longRunning: true },
  Job: { group: 'batch', longRunning: false },
  CronJob: { group: 'batch', longRunning: false },
};

function workloadKind(object: KubeObject): { group: string; longRunning: boolean } | undefined {
  const known = WORKLOAD_KINDS[object.kind];
  return known && known.group === apiGroup(object) ? known : undefined;
}

function at(object: unknown, path: string): unknown {
  let current = object;
  for (const part of path.split('.')) current = (current as Record<string, unknown> | undefined)?.[part];
  return current;
}

/** The pod template metadata of a workload-like object (the object's own metadata for a Pod), if it has a pod template. */
export function podTemplateMetadata(
  object: KubeObject,
): { metadata: TemplateMetadata | undefined; path: string } | undefined {
  if (!workloadKind(object)) return undefined;
  const path = podSpecPath(object).replace(/spec$/, 'metadata');
  return { metadata: at(object, path) as TemplateMetadata | undefined, path };
}

/**
 * Everything rules look objects up by, built once per rendered environment: objects by kind and by
 * namespace, pod workloads, rendered and external namespaces, components by name.
 */
export class Inventory {
  readonly environment: RenderedEnvironment;
  /** Component objects (not the `_argocd` delivery objects), in render order. */
  readonly componentObjects: RenderedObject[];
  readonly workloads: PodWorkload[];
  /** Names of rendered Namespaces, with their labels plus the automatic `kubernetes.io/metadata.name`. */
  readonly namespaces = new Map<string, Record<string, string>>();
  /** `environment.external`, as given. */
  readonly external: Set<string>;
  readonly components: Map<string, BuiltComponent>;
  /** Namespaces where some component installs an upstream Helm chart: their chart-made objects are not rendered here. */
  readonly chartNamespaces: Set<string>;
  readonly #byKind = new Map<string, RenderedObject[]>();
  readonly #byId = new Map<string, RenderedObject>();
  readonly #byNamespace = new Map<string, RenderedObject[]>();
  #workloadsByNamespace: Map<string, PodWorkload[]> | undefined;
  #autoscalers: Map<string, IHorizontalPodAutoscaler> | undefined;

  constructor(environment: RenderedEnvironment) {
    this.environment = environment;
    this.external = new Set(environment.environment.external ?? []);
    this.components = new Map(environment.components.map((c) => [c.name, c]));
    this.chartNamespaces = new Set(environment.components.filter((c) => c.helm).map((c) => c.namespace));
    this.componentObjects = environment.objects.filter((o) => this.components.has(o.component));
    this.workloads = [];
    for (const rendered of environment.objects) {
      const { object } = rendered;
      const key = `${apiGroup(object)}/${object.kind}`;
      const list = this.#byKind.get(key);
      if (list) list.push(rendered);
      else this.#byKind.set(key, [rendered]);
      this.#byId.set(`${key}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`, rendered);
      const namespacedKey = `${key}/${object.metadata?.namespace ?? ''}`;
      const inNamespace = this.#byNamespace.get(namespacedKey);
      if (inNamespace) inNamespace.push(rendered);
      else this.#byNamespace.set(namespacedKey, [rendered]);
      if (key === '/Namespace') {
        const name = object.metadata?.name ?? '';
        this.namespaces.set(name, { ...object.metadata?.labels, 'kubernetes.io/metadata.name': name });
      }
      const workload = this.#workload(rendered);
      if (workload) this.workloads.push(workload);
    }
  }

  #workload(rendered: RenderedObject): PodWorkload | undefined {
    const { object } = rendered;
    const known = workloadKind(object);
    if (!known || !this.components.has(rendered.component)) return undefined;
    const spec = podSpecOf(object);
    if (!spec || !Array.isArray(spec.containers)) return undefined;
    const template = podTemplateMetadata(object)!;
    return {
      rendered,
      object,
      component: rendered.component,
      kind: object.kind,
      namespace: object.metadata?.namespace ?? '',
      name: object.metadata?.name ?? '',
      spec,
      specPath: podSpecPath(object),
      templateMetadataPath: template.path,
      labels: template.metadata?.labels ?? {},
      longRunning: known.longRunning,
    };
  }

  /** Objects of one kind of one API group (`''` for the core group), in render order. */
  ofKind(group: string, kind: string): RenderedObject[] {
    return this.#byKind.get(`${group}/${kind}`) ?? [];
  }

  /** Objects of one kind of one API group in one namespace, in render order. */
  inNamespace(group: string, kind: string, namespace: string): RenderedObject[] {
    return this.#byNamespace.get(`${group}/${kind}/${namespace}`) ?? [];
  }

  /** One object by group, kind, namespace (`''` when cluster-scoped) and name. */
  get(group: string, kind: string, namespace: string, name: string): RenderedObject | undefined {
    return this.#byId.get(`${group}/${kind}/${namespace}/${name}`);
  }

  /** Whether `Kind/namespace/name` is declared in `environment.external`. */
  isExternal(kind: string, namespace: string, name: string): boolean {
    return this.external.has(`${kind}/${namespace}/${name}`);
  }

  /** Pod workloads of one namespace. */
  workloadsIn(namespace: string): PodWorkload[] {
    let byNamespace = this.#workloadsByNamespace;
    if (!byNamespace) {
      byNamespace = new Map();
      for (const workload of this.workloads) {
        const list = byNamespace.get(workload.namespace);
        if (list) list.push(workload);
        else byNamespace.set(workload.namespace, [workload]);
      }
      this.#workloadsByNamespace = byNamespace;
    }
    return byNamespace.get(namespace) ?? [];
  }

  /** The HorizontalPodAutoscaler that scales a workload, if the render has one. */
  autoscalerOf(workload: PodWorkload): IHorizontalPodAutoscaler | undefined {
    if (!this.#autoscalers) {
      this.#autoscalers = new Map();
      for (const { object } of this.ofKind('autoscaling', 'HorizontalPodAutoscaler')) {
        const hpa = object as IHorizontalPodAutoscaler;
        const target = hpa.spec?.scaleTargetRef;
        if (target) this.#autoscalers.set(`${hpa.metadata?.namespace}/${target.kind}/${target.name}`, hpa);
      }
    }
    return this.#autoscalers.get(`${workload.namespace}/${workload.kind}/${workload.name}`);
  }
}

/**
 * Containers of a workload (init containers first) with their field paths: core's `podContainers`, located
 * in the workload object for findings.
 */
export function locatedContainers(workload: PodWorkload): LocatedContainer[] {
  return podContainers(workload.spec).map(({ container, list }) => ({
    container,
    init: list === 'initContainers',
    path: `${workload.specPath}.${list}[name=${container.name}]`,
  }));
}

/** `container "web"` or `init container "migrate"`, for messages. */
export function describeContainer(located: LocatedContainer): string {
  return `${located.init ? 'init container' : 'container'} "${located.container.name}"`;
}

/** Calls `visit` with every container (init containers included) of every pod workload of the environment. */
export function eachContainer(
  environment: RenderedEnvironment,
  visit: (workload: PodWorkload, located: LocatedContainer) => void,
): void {
  for (const workload of inventoryOf(environment).workloads) {
    for (const located of locatedContainers(workload)) visit(workload, located);
  }
}

/** A finding about a pod workload at `path` (a field path inside the workload object). */
export function workloadFinding(workload: PodWorkload, path: string, message: string): FindingInput {
  return { component: workload.component, object: workload.object, path, message };
}

const inventories = new WeakMap<RenderedEnvironment, Inventory>();

/**
 * The inventory of a rendered environment, built on first use and shared by every rule of one run (and by
 * custom rules, which should use it instead of scanning `rendered.objects` themselves).
 */
export function inventoryOf(environment: RenderedEnvironment): Inventory {
  let inventory = inventories.get(environment);
  if (!inventory) {
    inventory = new Inventory(environment);
    inventories.set(environment, inventory);
  }
  return inventory;
}
