import type { PodSecurityLevel } from '../model/definition.js';
import type { INamespace } from '../registry/kubernetes-types.js';
import { standardLabels } from './labels.js';
import { MESH_EXCLUDED_ANNOTATION, type MeshMembership } from './mesh/membership.js';

// The mesh choice's public API lives beside the namespace it marks; re-exported so that `@platform/core` offers it.
export { MESH_EXCLUDED_ANNOTATION, type MeshMembership, outsideMesh } from './mesh/membership.js';

/** The labels and annotations that put a namespace in the environment's mesh, or keep it out with the reason. */
function meshMetadata(mesh: MeshMembership | undefined): {
  labels: Record<string, string>;
  annotations: Record<string, string>;
} {
  if (!mesh) return { labels: {}, annotations: {} };
  if (mesh.meshed) return { labels: { ...mesh.mesh.join.labels }, annotations: { ...mesh.mesh.join.annotations } };
  return {
    labels: { ...mesh.mesh.leave.labels },
    annotations: { ...mesh.mesh.leave.annotations, [MESH_EXCLUDED_ANNOTATION]: mesh.excludedBecause ?? '' },
  };
}

/**
 * A component's namespace, with its Pod Security Standards level enforced, audited and warned on, and, when the
 * environment has a mesh, the mesh's injection on (or off, with the reason).
 */
export function namespaceObject(
  name: string,
  component: string,
  level: PodSecurityLevel,
  extraLabels: Record<string, string> = {},
  mesh?: MeshMembership,
): INamespace {
  const { labels, annotations } = meshMetadata(mesh);
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: {
        ...standardLabels(component, 'namespace'),
        'pod-security.kubernetes.io/enforce': level,
        'pod-security.kubernetes.io/enforce-version': 'latest',
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
        ...labels,
        ...extraLabels,
      },
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
  };
}
