import type { KubeObject } from '../../model/objects.js';
import type { NetworkAccess } from '../network/types.js';
import type { MeshMembership } from './membership.js';

/**
 * The mesh's mTLS exceptions of a meshed namespace: what lets unmeshed callers (the ingress rules `from: 'any'`:
 * admission webhooks the API server calls, endpoints outside the cluster call) through the mesh's mutual TLS.
 * The mesh's library decides what that takes (`ServiceMesh.plaintextExceptions`); a mesh whose proxies already
 * admit them renders none.
 */
export function mtlsExceptions(
  component: string,
  namespace: string,
  access: NetworkAccess,
  mesh: MeshMembership | undefined,
): Record<string, KubeObject> {
  if (!mesh?.meshed || !mesh.mesh.plaintextExceptions) return {};
  const rules = (access.ingress ?? []).filter((rule) => rule.from === 'any');
  if (rules.length === 0) return {};
  return mesh.mesh.plaintextExceptions({ component, namespace, rules });
}
