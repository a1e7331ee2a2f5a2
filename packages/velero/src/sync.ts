import type { SyncSettings } from '@platform/core';

/** The chart's 13 CRDs come from its crds/ folder (Backup, Restore and Schedule are large): apply server-side. */
export function syncSettings(): SyncSettings {
  return { serverSideApply: true };
}
