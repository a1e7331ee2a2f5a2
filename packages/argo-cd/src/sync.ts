import type { SyncSettings } from '@platform/core';

/**
 * Argo CD's own ApplicationSet CRD is too large for client-side apply since v3.3 (the last-applied annotation
 * would exceed 256 KiB); Argo CD managing itself must apply server-side.
 */
export function syncSettings(): SyncSettings {
  return { serverSideApply: true };
}
