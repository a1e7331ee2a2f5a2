import type { SyncSettings } from '@platform/core';

/**
 * The Application is applied server-side, the platform's rule for CRDs: the chart's `crds/` (25 CRDs, Traefik's
 * and Traefik Hub's; `traefik.io_traefikservices.yaml` alone is 95 kB) carry no last-applied annotation that way,
 * and a CRD upgrade is a field-owned merge rather than a replace.
 */
export function syncSettings(): SyncSettings {
  return { serverSideApply: true };
}
