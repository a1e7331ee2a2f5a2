import type { SyncSettings } from '@platform/core';

/**
 * The whole Application is applied server-side: the chart's 25 CRDs come from its templates (Volume, Engine and
 * Replica are large), so the renderer cannot mark them one by one. The manager registers its webhooks and CSI
 * driver itself at run time, outside the chart, so nothing the chart applies is mutated behind Argo CD's back.
 */
export function syncSettings(): SyncSettings {
  return { serverSideApply: true };
}
