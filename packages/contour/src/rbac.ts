import {
  type IClusterRole,
  type IClusterRoleBinding,
  type IRole,
  type IRoleBinding,
  type IServiceAccount,
  standardLabels,
} from '@platform/core';

/** Names of the ServiceAccounts of Contour and Envoy. */
export const CONTOUR_SERVICE_ACCOUNT = 'contour';
export const ENVOY_SERVICE_ACCOUNT = 'envoy';

const read = ['get', 'list', 'watch'];

/**
 * What Contour reads and writes, as v1.33.6 generates it from its kubebuilder tags
 * (`examples/contour/02-role-contour.yaml`): cluster-wide reads of the objects it builds its configuration from
 * and status writes; in its own namespace, leases for leader election and events.
 */
export function contourRbac(component: string, namespace: string) {
  const labels = standardLabels(component, 'contour');
  const clusterRole: IClusterRole = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: `${component}-${namespace}`, labels },
    rules: [
      { apiGroups: [''], resources: ['configmaps', 'namespaces', 'secrets', 'services'], verbs: read },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: read },
      {
        apiGroups: ['gateway.networking.k8s.io'],
        resources: [
          'backendtlspolicies',
          'gatewayclasses',
          'gateways',
          'grpcroutes',
          'httproutes',
          'referencegrants',
          'tcproutes',
          'tlsroutes',
        ],
        verbs: read,
      },
      {
        apiGroups: ['gateway.networking.k8s.io'],
        resources: [
          'backendtlspolicies/status',
          'gatewayclasses/status',
          'gateways/status',
          'grpcroutes/status',
          'httproutes/status',
          'tcproutes/status',
          'tlsroutes/status',
        ],
        verbs: ['update'],
      },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: read },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['create', 'get', 'update'] },
      {
        apiGroups: ['projectcontour.io'],
        resources: ['contourconfigurations', 'extensionservices', 'httpproxies', 'tlscertificatedelegations'],
        verbs: read,
      },
      {
        apiGroups: ['projectcontour.io'],
        resources: ['contourconfigurations/status', 'extensionservices/status', 'httpproxies/status'],
        verbs: ['create', 'get', 'update'],
      },
    ],
  };
  const subjects = [{ kind: 'ServiceAccount', name: CONTOUR_SERVICE_ACCOUNT, namespace }];
  const role: IRole = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'contour', namespace, labels },
    rules: [
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'get', 'update'] },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create', 'get', 'update'] },
    ],
  };
  const account = (name: string, automount: boolean): IServiceAccount => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace, labels },
    automountServiceAccountToken: automount,
  });
  return {
    contour_serviceaccount: account(CONTOUR_SERVICE_ACCOUNT, true),
    envoy_serviceaccount: account(ENVOY_SERVICE_ACCOUNT, false),
    contour_clusterrole: clusterRole,
    contour_clusterrolebinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: clusterRole.metadata!.name!, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole.metadata!.name! },
      subjects,
    } satisfies IClusterRoleBinding,
    contour_role: role,
    contour_rolebinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'contour', namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'contour' },
      subjects,
    } satisfies IRoleBinding,
  };
}
