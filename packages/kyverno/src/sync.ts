import type { SyncSettings } from '@platform/core';
import { AGGREGATED_CLUSTER_ROLES } from './chart.js';

/**
 * How Argo CD applies Kyverno:
 *
 * - Server-side: the chart's CRDs come from the chart (no per-object marking possible) and ClusterPolicy's is
 *   far over the 256 KiB annotation client-side apply needs.
 * - The aggregated ClusterRoles' `rules` are written by the API server's aggregation controller from the
 *   `rbac.kyverno.io/aggregate-to-*` roles; Argo CD must neither report nor revert them (Argo CD's diffing docs,
 *   "Ignoring RBAC changes made by AggregateRoles", as the chart's README advises).
 * - Kyverno's webhook configurations are created, updated and given their CA at run time by Kyverno itself
 *   (`pkg/controllers/webhook/controller.go`); the chart renders none, so Argo CD neither tracks nor prunes them
 *   (no `config.webhookLabels` instance label is set). Its pre-delete hook `kyverno-rm-webhooks` removes them
 *   when the Application is deleted: Argo CD v3.4.4 runs Helm `pre-delete` hooks as PreDelete
 *   (`controller/hook.go`), so a removed Kyverno leaves no fail-closed webhook behind.
 */
export function syncSettings(): SyncSettings {
  return {
    serverSideApply: true,
    ignoreDifferences: AGGREGATED_CLUSTER_ROLES.map((name) => ({
      group: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name,
      jsonPointers: ['/rules'],
    })),
  };
}
