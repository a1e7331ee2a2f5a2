import { podContainers, podSpecOf, podSpecPath } from '../k8s/pod-spec.js';
import type { Problem } from '../model/errors.js';
import { type KubeObject, objectRef } from '../model/objects.js';

/**
 * What the pod schema lets through but the API server or the kubelet refuses: a container without an image
 * (the schema makes `image` optional for higher-level controllers; a pod needs one), and two containers of a
 * pod with the same name.
 */
export function containerProblems(object: KubeObject): Problem[] {
  const spec = podSpecOf(object);
  if (!spec) return [];
  const base = podSpecPath(object);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const { container, list } of podContainers(spec)) {
    const path = `${base}.${list}[name=${container.name}]`;
    if (typeof container.image !== 'string' || container.image.trim() === '')
      problems.push({ object: objectRef(object), path: `${path}.image`, message: 'every container needs an image' });
    if (seen.has(container.name))
      problems.push({ object: objectRef(object), path, message: `two containers are named "${container.name}"` });
    seen.add(container.name);
  }
  return problems;
}
