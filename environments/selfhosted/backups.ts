import { type Mixin, waiverAnnotations } from '@platform/core';

/**
 * Waives `backup.unscheduled-volumes` on a component's StatefulSets, with the reason their volumes need no Velero
 * copy: for stores whose data is in object storage (their volumes hold a WAL or caches) and for caches.
 */
export function volumesNotBackedUp(reason: string): Mixin {
  return (object) => {
    const claims = (object as { spec?: { volumeClaimTemplates?: unknown[] } }).spec?.volumeClaimTemplates;
    if (object.kind !== 'StatefulSet' || !claims?.length) return;
    object.metadata = object.metadata ?? {};
    object.metadata.annotations = {
      ...object.metadata.annotations,
      ...waiverAnnotations({ 'backup.unscheduled-volumes': reason }),
    };
  };
}

/** Why the telemetry stores' volumes are not copied: their blocks and chunks are in the object store already. */
export const TELEMETRY_VOLUMES =
  'blocks and chunks live in the object store (itself backed up by the storage team); the volumes hold the write-ahead log, replayed or lost with the pod, and caches';
