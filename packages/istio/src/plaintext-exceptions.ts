import { type PlaintextCallers, standardLabels } from '@platform/core';
import type { IPeerAuthentication } from './kinds.js';

/**
 * Istio's mTLS exceptions for a meshed namespace (`ServiceMesh.plaintextExceptions`): the mesh-wide
 * `PeerAuthentication` (istiod's, STRICT by default) would refuse callers that have no sidecar (the API server
 * calling a webhook, clients outside the cluster, components outside the mesh), so the ports of those rules get
 * PERMISSIVE port-level mTLS. Istio accepts port-level mTLS only with a workload selector
 * (`pkg/config/validation/validation.go:1717-1723` at 1.30.3): a rule without `podLabels`, or with named ports
 * only, gets none (the mesh-wide mode applies). Istio applies one workload-level PeerAuthentication per workload,
 * the oldest (`pilot/pkg/security/authn/policy_applier.go:398-466`), so the rules that select the same pods share
 * one, with all their ports. Keys are `mesh_peerauthentication_<first rule>`.
 */
export function plaintextExceptions({
  component,
  namespace,
  rules,
}: PlaintextCallers): Record<string, IPeerAuthentication> {
  const bySelector = new Map<string, { name: string; podLabels: Record<string, string>; ports: Set<number> }>();
  for (const rule of rules) {
    if (!rule.podLabels || Object.keys(rule.podLabels).length === 0) continue;
    const numbers = rule.ports
      .map((p) => (typeof p === 'object' ? p.port : p))
      .filter((p): p is number => typeof p === 'number');
    if (numbers.length === 0) continue;
    const selector = JSON.stringify(Object.entries(rule.podLabels).sort());
    const group = bySelector.get(selector) ?? { name: rule.name, podLabels: rule.podLabels, ports: new Set() };
    for (const port of numbers) group.ports.add(port);
    bySelector.set(selector, group);
  }
  const result: Record<string, IPeerAuthentication> = {};
  for (const { name, podLabels, ports } of bySelector.values()) {
    result[`mesh_peerauthentication_${name.replace(/-/g, '_')}`] = {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: `plaintext-${name}`, namespace, labels: standardLabels(component, 'mesh-mtls') },
      spec: {
        selector: { matchLabels: { ...podLabels } },
        portLevelMtls: Object.fromEntries(
          [...ports].sort((a, b) => a - b).map((port) => [String(port), { mode: 'PERMISSIVE' as const }]),
        ),
      },
    };
  }
  return result;
}
