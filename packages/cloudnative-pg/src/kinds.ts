import type { KindDefinition } from '@platform/core';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';
import { CLUSTER_KIND } from './kinds/cluster.generated.js';
import { DATABASE_KIND } from './kinds/database.generated.js';
import { DATABASE_ROLE_KIND } from './kinds/database-role.generated.js';
import { OBJECT_STORE_KIND } from './kinds/object-store.generated.js';
import { POOLER_KIND } from './kinds/pooler.generated.js';
import { SCHEDULED_BACKUP_KIND } from './kinds/scheduled-backup.generated.js';

export type { ICluster } from './kinds/cluster.generated.js';
export type { IDatabase } from './kinds/database.generated.js';
export type { IDatabaseRole } from './kinds/database-role.generated.js';
export type { IObjectStore } from './kinds/object-store.generated.js';
export type { IPooler } from './kinds/pooler.generated.js';
export type { IScheduledBackup } from './kinds/scheduled-backup.generated.js';

/**
 * The kinds `postgres()` renders: CloudNativePG's (schemas generated from the v1.30.0 CRDs), the Barman Cloud
 * plugin's ObjectStore (v0.13.0 CRD), and External Secrets' ExternalSecret for passwords from the store.
 */
export const POSTGRES_KINDS: readonly KindDefinition[] = [
  CLUSTER_KIND,
  DATABASE_KIND,
  DATABASE_ROLE_KIND,
  POOLER_KIND,
  SCHEDULED_BACKUP_KIND,
  OBJECT_STORE_KIND,
  ...EXTERNAL_SECRETS_KINDS.filter((kind) => kind.kind === 'ExternalSecret'),
];
