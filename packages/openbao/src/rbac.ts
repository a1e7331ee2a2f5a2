import {
  type BuildContext,
  type IClusterRoleBinding,
  type IRole,
  type IRoleBinding,
  type IServiceAccount,
  standardLabels,
} from '@platform/core';
import type { OpenBaoConfig } from './config.js';
import { SERVER_SERVICE_ACCOUNT } from './layout.js';

/** The server's ServiceAccount and its permissions, plus the break-glass admin's ServiceAccount. */
export interface RbacObjects {
  server_serviceaccount: IServiceAccount;
  service_registration_role: IRole;
  service_registration_rolebinding: IRoleBinding;
  auth_delegator_clusterrolebinding: IClusterRoleBinding;
  admin_serviceaccount: IServiceAccount;
}

/**
 * - The server labels its own pod with its HA state: `get`, `update`, `patch` on pods of its namespace, the
 *   Role OpenBao's `service-registration/kubernetes.mdx` gives.
 * - The Kubernetes auth method reviews the tokens clients log in with using the server's own token, which needs
 *   `system:auth-delegator` (`auth/kubernetes.mdx`; openbao-helm's `server.authDelegator` binds the same role).
 * - The admin ServiceAccount runs no pod: `kubectl create token` issues tokens for it, so it mounts none.
 */
export function rbac(context: BuildContext<OpenBaoConfig>): RbacObjects {
  const { name, namespace, config } = context;
  const labels = standardLabels(name, 'rbac');
  const serverAccount = { kind: 'ServiceAccount', name: SERVER_SERVICE_ACCOUNT, namespace };
  return {
    server_serviceaccount: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: SERVER_SERVICE_ACCOUNT,
        namespace,
        labels,
        ...(Object.keys(config.serviceAccountAnnotations).length > 0
          ? { annotations: { ...config.serviceAccountAnnotations } }
          : {}),
      },
      automountServiceAccountToken: false,
    },
    service_registration_role: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: `${name}-service-registration`, namespace, labels },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'update', 'patch'] }],
    },
    service_registration_rolebinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: `${name}-service-registration`, namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${name}-service-registration` },
      subjects: [serverAccount],
    },
    auth_delegator_clusterrolebinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: `${namespace}-${name}-auth-delegator`, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:auth-delegator' },
      subjects: [serverAccount],
    },
    admin_serviceaccount: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: config.admin.serviceAccount, namespace, labels: standardLabels(name, 'admin') },
      automountServiceAccountToken: false,
    },
  };
}
