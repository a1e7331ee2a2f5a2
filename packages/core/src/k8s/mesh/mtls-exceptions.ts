import type { KubeObject } from '../../model/objects.js';
import type { NetworkAccess, NetworkPeer } from '../network/types.js';
import { type MeshMembership, NO_UNMESHED_CALLERS, type UnmeshedCallers } from './membership.js';

/**
 * The mesh's mTLS exceptions of a meshed namespace: what lets callers without a proxy through the mesh's mutual
 * TLS: the ingress rules `from: 'any'` (admission webhooks the API server calls, endpoints outside the cluster
 * call), from address ranges or every namespace, and from components outside the mesh (node agents such as Alloy
 * pushing to the stores, `outsideMesh` components). The mesh's library decides what that takes
 * (`ServiceMesh.plaintextExceptions`); a mesh whose proxies already admit them renders none.
 */
export function mtlsExceptions(
  component: string,
  namespace: string,
  access: NetworkAccess,
  mesh: MeshMembership | undefined,
  outsideTheMesh: UnmeshedCallers = NO_UNMESHED_CALLERS,
): Record<string, KubeObject> {
  if (!mesh?.meshed || !mesh.mesh.plaintextExceptions) return {};
  const unmeshed = (peer: NetworkPeer) =>
    'cidr' in peer ||
    'allNamespaces' in peer ||
    ('component' in peer && outsideTheMesh.components.has(peer.component)) ||
    ('namespace' in peer && outsideTheMesh.namespaces.has(peer.namespace));
  const rules = (access.ingress ?? []).filter((rule) => rule.from === 'any' || rule.from.some(unmeshed));
  if (rules.length === 0) return {};
  return mesh.mesh.plaintextExceptions({ component, namespace, rules });
}
