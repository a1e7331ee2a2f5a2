import type { Mixin } from '../model/mixin.js';
import type { IPodSpec } from '../registry/kubernetes-types.js';
import { mirroredImage } from './images.js';
import { containersOf, podSpecOf } from './pod-spec.js';

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

/** Schedules every pod (but node agents) with these node selectors and tolerations, merged with the pod's own. */
export function nodePlacement({
  nodeSelector = {},
  tolerations = [],
}: {
  nodeSelector?: Record<string, string>;
  tolerations?: NonNullable<IPodSpec['tolerations']>;
}): Mixin {
  return (object) => {
    const spec = podSpecOf(object);
    if (!spec || object.kind === 'DaemonSet') return;
    spec.nodeSelector = { ...nodeSelector, ...spec.nodeSelector };
    spec.tolerations = [...(spec.tolerations ?? []), ...tolerations];
  };
}

/** Fills in requests and limits on containers that do not set them. */
export function resourceDefaults(defaults: {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}): Mixin {
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
