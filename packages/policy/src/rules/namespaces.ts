import type { INetworkPolicy, KubeObject, PolicyRule } from '@platform/core';
import { inventoryOf } from '../inventory.js';
import { isEmptySelector } from '../selectors.js';

export const namespaceCreatedRule: PolicyRule = {
  id: 'namespaces.created',
  severity: 'error',
  rationale:
    "An object in a namespace nobody creates fails to sync, or lands in a namespace without the platform's Pod Security level and NetworkPolicies.",
  check(environment, report) {
    const inventory = inventoryOf(environment);
    const missing = new Map<string, { component: string; namespace: string; first: KubeObject; count: number }>();
    // The delivery engine's own namespace exists before anything is delivered: the engine's install creates it.
    const engineNamespace = environment.delivery?.namespace;
    for (const { component, object } of environment.objects) {
      const namespace = object.metadata?.namespace;
      if (
        !namespace ||
        namespace === engineNamespace ||
        inventory.namespaces.has(namespace) ||
        inventory.isExternal('Namespace', '', namespace)
      )
        continue;
      const key = `${component}\u0000${namespace}`;
      const entry = missing.get(key);
      if (entry) entry.count += 1;
      else missing.set(key, { component, namespace, first: object, count: 1 });
    }
    for (const { component, namespace, first, count } of missing.values()) {
      report({
        component,
        object: first,
        path: 'metadata.namespace',
        message: `namespace "${namespace}" (used by ${count} object${count === 1 ? '' : 's'} of this component) is not rendered by any component, is not the delivery engine's, and is not declared in environment.external as "Namespace//${namespace}"`,
      });
    }
  },
};

/** A NetworkPolicy that selects every pod of its namespace and allows nothing, in both directions. */
export function isDefaultDeny(policy: INetworkPolicy): boolean {
  const spec = policy.spec;
  if (!spec || !isEmptySelector(spec.podSelector ?? {})) return false;
  const types = spec.policyTypes ?? [];
  return (
    types.includes('Ingress') &&
    types.includes('Egress') &&
    (spec.ingress ?? []).length === 0 &&
    (spec.egress ?? []).length === 0
  );
}

export const defaultDenyRule: PolicyRule = {
  id: 'namespaces.default-deny',
  severity: 'error',
  rationale:
    'Traffic must be allowed explicitly; without a default-deny policy every pod of the namespace is open to the cluster.',
  check(environment, report) {
    const inventory = inventoryOf(environment);
    const denied = new Set<string>();
    for (const { object } of inventory.ofKind('networking.k8s.io', 'NetworkPolicy')) {
      if (isDefaultDeny(object as INetworkPolicy)) denied.add(object.metadata?.namespace ?? '');
    }
    for (const { component, object } of inventory.ofKind('', 'Namespace')) {
      const name = object.metadata?.name ?? '';
      if (denied.has(name)) continue;
      report({
        component,
        object,
        message: `namespace "${name}" has no default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress, Egress], no rules)`,
      });
    }
  },
};

export const namespaceRules: PolicyRule[] = [namespaceCreatedRule, defaultDenyRule];
