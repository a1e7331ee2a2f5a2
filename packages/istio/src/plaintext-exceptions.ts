import { type PlaintextCallers, standardLabels } from '@platform/core';
import type { IPeerAuthentication } from './kinds.js';

/**
 * Istio's mTLS exceptions for a meshed namespace (`ServiceMesh.plaintextExceptions`): the mesh-wide
 * `PeerAuthentication` (istiod's, STRICT by default) would refuse callers that have no sidecar (the API server
 * calling a webhook, clients outside the cluster), so each `from: 'any'` rule gets a `PeerAuthentication` with
 * PERMISSIVE port-level mTLS on its pods. Istio accepts port-level mTLS only with a workload selector
 * (`pkg/config/validation/validation.go:1717-1723` at 1.30.3): a rule without `podLabels`, or with named ports
 * only, gets none (the mesh-wide mode applies). Keys are `mesh_peerauthentication_<rule>`.
 */
export function plaintextExceptions({
  component,
  namespace,
  rules,
}: PlaintextCallers): Record<string, IPeerAuthentication> {
  const result: Record<string, IPeerAuthentication> = {};
  for (const rule of rules) {
    if (!rule.podLabels || Object.keys(rule.podLabels).length === 0) continue;
    const numbers = rule.ports
      .map((p) => (typeof p === 'object' ? p.port : p))
      .filter((p): p is number => typeof p === 'number');
    if (numbers.length === 0) continue;
    result[`mesh_peerauthentication_${rule.name.replace(/-/g, '_')}`] = {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: `plaintext-${rule.name}`, namespace, labels: standardLabels(component, 'mesh-mtls') },
      spec: {
        selector: { matchLabels: { ...rule.podLabels } },
        portLevelMtls: Object.fromEntries(numbers.map((port) => [String(port), { mode: 'PERMISSIVE' as const }])),
      },
    };
  }
  return result;
}
