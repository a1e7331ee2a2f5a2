import type { KindDefinition } from '@platform/core';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';
import { BACKUP_STORAGE_LOCATION_KIND } from './kinds/backup-storage-location.generated.js';
import { SCHEDULE_KIND } from './kinds/schedule.generated.js';

export type { IBackupStorageLocation } from './kinds/backup-storage-location.generated.js';
export type { ISchedule } from './kinds/schedule.generated.js';

/** The CRD kinds this library renders: Velero's Schedule and BackupStorageLocation (schemas generated from the v1.18.1 CRDs) and the credentials' ExternalSecret. */
export const VELERO_KINDS: readonly KindDefinition[] = [
  SCHEDULE_KIND,
  BACKUP_STORAGE_LOCATION_KIND,
  ...EXTERNAL_SECRETS_KINDS.filter((kind) => kind.kind === 'ExternalSecret'),
];
