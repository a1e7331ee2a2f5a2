import type { KubeObject } from '../model/objects.js';
import type { IContainer, IPodSpec } from '../registry/kubernetes-types.js';

/** The pod spec of a workload-like object (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob), if it has one. */
export function podSpecOf(object: KubeObject): IPodSpec | undefined {
  const o = object as {
    kind: string;
    spec?: { template?: { spec?: IPodSpec }; jobTemplate?: { spec?: { template?: { spec?: IPodSpec } } } };
  };
  if (o.kind === 'Pod') return (o as unknown as { spec?: IPodSpec }).spec;
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec;
  return o.spec?.template?.spec;
}

/** The path of an object's pod spec, for messages: `spec.template.spec`. */
export function podSpecPath(object: KubeObject): string {
  if (object.kind === 'Pod') return 'spec';
  if (object.kind === 'CronJob') return 'spec.jobTemplate.spec.template.spec';
  return 'spec.template.spec';
}

/** A container with the field its list is under, so messages can name `initContainers[name=x]`. */
export interface PodContainer {
  container: IContainer;
  list: 'initContainers' | 'containers' | 'ephemeralContainers';
}

/** Every container of a pod spec, init containers first. */
export function containersOf(spec: IPodSpec): IContainer[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}

/** Every container of a pod spec with the list it belongs to, init containers first. */
export function podContainers(spec: IPodSpec): PodContainer[] {
  return [
    ...(spec.initContainers ?? []).map((container) => ({ container, list: 'initContainers' as const })),
    ...(spec.containers ?? []).map((container) => ({ container, list: 'containers' as const })),
  ];
}
