import type { IClusterRoleBinding, IRoleBinding, IServiceAccount, PolicyRule } from '@platform/core';
import { type Inventory, inventoryOf, workloadFinding } from '../inventory.js';

/**
 * Service accounts a RoleBinding or ClusterRoleBinding of the render grants permissions to, as
 * `namespace/name`; `namespace/*` when a binding names the group of all service accounts of a namespace,
 * `*` for all service accounts of the cluster.
 */
function boundServiceAccounts(inventory: Inventory): Set<string> {
  const result = new Set<string>();
  const bindings = [
    ...inventory.ofKind('rbac.authorization.k8s.io', 'RoleBinding'),
    ...inventory.ofKind('rbac.authorization.k8s.io', 'ClusterRoleBinding'),
  ];
  for (const { object } of bindings) {
    const binding = object as IRoleBinding | IClusterRoleBinding;
    for (const subject of binding.subjects ?? []) {
      if (subject.kind === 'ServiceAccount') {
        result.add(`${subject.namespace ?? binding.metadata?.namespace ?? ''}/${subject.name}`);
      } else if (subject.kind === 'Group' && subject.name === 'system:serviceaccounts') {
        result.add('*');
      } else if (subject.kind === 'Group' && subject.name.startsWith('system:serviceaccounts:')) {
        result.add(`${subject.name.slice('system:serviceaccounts:'.length)}/*`);
      }
    }
  }
  return result;
}

export const automountTokenRule: PolicyRule = {
  id: 'service-accounts.automount-token',
  severity: 'error',
  rationale:
    'An API token mounted into a pod that has no permissions only helps an intruder; mount one only where RBAC grants the pod something.',
  check(environment, report) {
    const inventory = inventoryOf(environment);
    const bound = boundServiceAccounts(inventory);
    for (const workload of inventory.workloads) {
      const name = workload.spec.serviceAccountName ?? workload.spec.serviceAccount ?? 'default';
      if (bound.has('*') || bound.has(`${workload.namespace}/*`) || bound.has(`${workload.namespace}/${name}`))
        continue;
      const account = inventory.get('', 'ServiceAccount', workload.namespace, name)?.object as
        | IServiceAccount
        | undefined;
      const mounts = workload.spec.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true;
      if (!mounts) continue;
      const why =
        workload.spec.automountServiceAccountToken === true
          ? 'sets automountServiceAccountToken: true'
          : 'mounts an API token (automountServiceAccountToken is not false)';
      report(
        workloadFinding(
          workload,
          `${workload.specPath}.automountServiceAccountToken`,
          `the pod ${why}, but no RoleBinding or ClusterRoleBinding of the environment grants its ServiceAccount "${name}" anything`,
        ),
      );
    }
  },
};

export const serviceAccountRules: PolicyRule[] = [automountTokenRule];
