import type { IClusterRole, IClusterRoleBinding, IServiceAccount } from '@platform/core';
import { standardLabels } from '@platform/core';
import { PART, SERVICE_ACCOUNT } from './layout.js';

type Rule = NonNullable<IClusterRole['rules']>[number];

/**
 * What the operator may do, as upstream grants it (`example/rbac/prometheus-operator/prometheus-operator-cluster-role.yaml`
 * at v0.93.0): its custom resources, the StatefulSets, Secrets, ConfigMaps and Services it generates, the kubelet
 * Endpoints it maintains, and reads of namespaces, nodes, Ingresses and StorageClasses.
 */
const OPERATOR_RULES: Rule[] = [
  {
    apiGroups: ['monitoring.coreos.com'],
    resources: [
      'alertmanagers',
      'alertmanagers/finalizers',
      'alertmanagers/status',
      'alertmanagerconfigs',
      'prometheuses',
      'prometheuses/finalizers',
      'prometheuses/status',
      'prometheusagents',
      'prometheusagents/finalizers',
      'prometheusagents/status',
      'thanosrulers',
      'thanosrulers/finalizers',
      'thanosrulers/status',
      'scrapeconfigs',
      'scrapeconfigs/status',
      'servicemonitors',
      'servicemonitors/status',
      'podmonitors',
      'podmonitors/status',
      'probes',
      'probes/status',
      'prometheusrules',
      'prometheusrules/status',
    ],
    verbs: ['*'],
  },
  { apiGroups: ['apps'], resources: ['statefulsets'], verbs: ['*'] },
  { apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: ['*'] },
  { apiGroups: [''], resources: ['pods'], verbs: ['list', 'delete'] },
  { apiGroups: [''], resources: ['services', 'services/finalizers'], verbs: ['get', 'create', 'update', 'delete'] },
  { apiGroups: [''], resources: ['nodes'], verbs: ['list', 'watch'] },
  { apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: ['patch', 'create'] },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['get'] },
  { apiGroups: [''], resources: ['endpoints'], verbs: ['get', 'create', 'update', 'delete'] },
];

/** A ServiceAccount, and a ClusterRole bound to it, named `<namespace>-<account>` (cluster-scoped names are per instance). */
export function clusterIdentity(
  component: string,
  namespace: string,
  account: string,
  part: string,
  rules: Rule[],
  automount: boolean,
): { serviceAccount: IServiceAccount; clusterRole: IClusterRole; clusterRoleBinding: IClusterRoleBinding } {
  const labels = standardLabels(component, part);
  const name = `${namespace}-${account}`;
  return {
    serviceAccount: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: account, namespace, labels },
      automountServiceAccountToken: automount,
    },
    clusterRole: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name, labels }, rules },
    clusterRoleBinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ kind: 'ServiceAccount', name: account, namespace }],
    },
  };
}

/** The operator's identity. */
export function operatorRbac(component: string, namespace: string) {
  const identity = clusterIdentity(
    component,
    namespace,
    SERVICE_ACCOUNT.operator,
    PART.operator,
    OPERATOR_RULES,
    false,
  );
  return {
    operator_serviceaccount: identity.serviceAccount,
    operator_clusterrole: identity.clusterRole,
    operator_clusterrolebinding: identity.clusterRoleBinding,
  };
}
