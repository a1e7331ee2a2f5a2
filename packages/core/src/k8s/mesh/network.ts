import type { INetworkPolicyPeer } from '../../registry/kubernetes-types.js';
import type { PortSpec } from '../network/types.js';
import type { MeshMembership } from './membership.js';

/**
 * The ports a rule opens in a meshed namespace: the rule's own, plus the ports meshed clients really connect to
 * (the mesh's `proxyInboundPorts`, e.g. Linkerd's inbound proxy port). A rule without ports opens every port and
 * needs nothing more; a namespace outside the mesh keeps its rules as they are.
 */
export function withProxyPorts(
  ports: PortSpec[] | undefined,
  mesh: MeshMembership | undefined,
): PortSpec[] | undefined {
  if (!mesh?.meshed || !ports || ports.length === 0) return ports;
  const extra = mesh.mesh.proxyInboundPorts.filter((port) => !ports.includes(port));
  return extra.length === 0 ? ports : [...ports, ...extra];
}

/**
 * Egress from every pod of a meshed namespace to its mesh's control planes, on the ports proxies use: without it a
 * proxy never gets its configuration or certificate and the pod never becomes ready. Undefined when the namespace
 * is outside the mesh or holds the control plane itself (same-namespace traffic is allowed).
 */
export function controlPlaneEgress(
  namespace: string,
  mesh: MeshMembership | undefined,
): { to: INetworkPolicyPeer[]; ports: number[] } | undefined {
  if (!mesh?.meshed) return undefined;
  const namespaces = [...new Set(mesh.controlPlanes.map((c) => c.namespace))].filter((ns) => ns !== namespace).sort();
  const ports = [...new Set(mesh.controlPlanes.flatMap((c) => c.controlPlanePorts))].sort((a, b) => a - b);
  if (namespaces.length === 0 || ports.length === 0) return undefined;
  return {
    to: namespaces.map((ns) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } })),
    ports,
  };
}
