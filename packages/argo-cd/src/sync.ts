import type { SyncSettings } from '@platform/core';

/** Cluster-scoped kinds the chart creates, for the environment's AppProject. */
export const CLUSTER_RESOURCES = [
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
];

/**
 * Argo CD's own ApplicationSet CRD is too large for client-side apply since v3.3 (the last-applied annotation
 * would exceed 256 KiB); Argo CD managing itself must apply server-side.
 */
export function syncSettings(): SyncSettings {
  return { serverSideApply: true };
}
