import type { KubeObject } from './objects.js';
import type { IContainer, IPodSpec } from './kinds.js';

/** What a mixin knows about where it runs. */
export interface MixinContext {
  environment: string;
  component: string;
  /** The object's name in the component (`distributor_deployment`). */
  key: string;
}

/**
 * A function applied to every object of a component or an environment (labels, registry mirrors,
 * placement ...). It receives a private copy and returns the object to render, or `undefined` to keep the
 * (possibly modified) copy.
 */
export type Mixin = (object: KubeObject, context: MixinContext) => KubeObject | void;

/** The pod spec of a workload-like object, if it has one. */
export function podSpecOf(object: KubeObject): IPodSpec | undefined {
  const o = object as { kind: string; spec?: { template?: { spec?: IPodSpec }; jobTemplate?: { spec?: { template?: { spec?: IPodSpec } } } } };
  if (o.kind === 'Pod') return (o as unknown as { spec?: IPodSpec }).spec;
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec;
  return o.spec?.template?.spec;
}

/** All containers of a pod spec, init containers included. */
export function containersOf(spec: IPodSpec): IContainer[] {
  return [...(spec.initContainers ?? []), ...spec.containers];
}

/** Adds labels to every object's metadata (not to selectors, which are immutable). Existing keys win. */
export function commonLabels(labels: Record<string, string>): Mixin {
  return (object) => {
    object.metadata = { ...object.metadata, labels: { ...labels, ...object.metadata?.labels } };
  };
}

/** Adds annotations to every object's metadata. Existing keys win. */
export function commonAnnotations(annotations: Record<string, string>): Mixin {
  return (object) => {
    object.metadata = { ...object.metadata, annotations: { ...annotations, ...object.metadata?.annotations } };
  };
}

/**
 * Pulls every image through a registry mirror: `grafana/mimir:3.0.2` becomes `<mirror>/docker.io/grafana/mimir:3.0.2`,
 * `quay.io/x/y:1` becomes `<mirror>/quay.io/x/y:1`. Images already on the mirror are left alone.
 */
export function imageRegistryMirror(mirror: string): Mixin {
  return (object) => {
    const spec = podSpecOf(object);
    if (!spec) return;
    for (const container of containersOf(spec)) {
      if (container.image) container.image = mirroredImage(container.image, mirror);
    }
  };
}

/**
 * An image or repository reference pulled through a registry mirror (`quay.io/jetstack/x` →
 * `<mirror>/quay.io/jetstack/x`); unchanged without a mirror or when it is already on the mirror. Chart
 * components use it for the image keys of their charts, which mixins cannot reach.
 */
export function mirroredImage(image: string, mirror: string | undefined): string {
  if (!mirror) return image;
  const prefix = mirror.replace(/\/+$/, '');
  return image.startsWith(`${prefix}/`) ? image : `${prefix}/${qualifyImage(image)}`;
}

/** `nginx:1` → `docker.io/library/nginx:1`; `grafana/mimir:3` → `docker.io/grafana/mimir:3`; registries kept. */
export function qualifyImage(image: string): string {
  const first = image.split('/')[0]!;
  const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return image;
  return image.includes('/') ? `docker.io/${image}` : `docker.io/library/${image}`;
}

/** Schedules every pod with these node selectors and tolerations (merged with the pod's own). */
export function nodePlacement({ nodeSelector = {}, tolerations = [] }: { nodeSelector?: Record<string, string>; tolerations?: NonNullable<IPodSpec['tolerations']> }): Mixin {
  return (object) => {
    const spec = podSpecOf(object);
    if (!spec || object.kind === 'DaemonSet') return;
    spec.nodeSelector = { ...nodeSelector, ...spec.nodeSelector };
    spec.tolerations = [...(spec.tolerations ?? []), ...tolerations];
  };
}

/** Fills in requests and limits on containers that do not set them. */
export function resourceDefaults(defaults: { requests?: Record<string, string>; limits?: Record<string, string> }): Mixin {
  return (object) => {
    const spec = podSpecOf(object);
    if (!spec) return;
    for (const container of containersOf(spec)) {
      container.resources = {
        ...container.resources,
        requests: { ...defaults.requests, ...container.resources?.requests },
        limits: { ...defaults.limits, ...container.resources?.limits },
      };
    }
  };
}
