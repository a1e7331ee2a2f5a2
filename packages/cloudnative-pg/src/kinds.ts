import type { KindDefinition, KubeObject, ProducedObject } from '@platform/core';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';
import { CLUSTER_KIND, type ICluster } from './kinds/cluster.generated.js';
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
 * The Secrets the operator creates for a Cluster (v1.30.0 api/v1/cluster_funcs.go:570-591, 639-653, 689-694):
 * the owner's credentials `<name>-app` unless a bootstrap names its own Secret, and, unless `spec.certificates`
 * names user-provided ones, the server CA `<name>-ca`, the server certificate `<name>-server` and the
 * replication client certificate `<name>-replication`.
 */
function clusterSecrets(object: KubeObject): ProducedObject[] {
  const { metadata, spec } = object as unknown as ICluster;
  const name = metadata?.name ?? '';
  const bootstrap = spec?.bootstrap;
  const ownSecret =
    bootstrap?.initdb?.secret?.name || bootstrap?.recovery?.secret?.name || bootstrap?.pg_basebackup?.secret?.name;
  const certificates = spec?.certificates;
  return [
    ...(ownSecret ? [] : [`${name}-app`]),
    ...(certificates?.serverCASecret ? [] : [`${name}-ca`]),
    ...(certificates?.serverTLSSecret ? [] : [`${name}-server`]),
    ...(certificates?.replicationTLSSecret ? [] : [`${name}-replication`]),
  ].map((secret) => ({ kind: 'Secret', name: secret }));
}

/**
 * The kinds `postgres()` renders: CloudNativePG's (schemas generated from the v1.30.0 CRDs), the Barman Cloud
 * plugin's ObjectStore (v0.13.0 CRD), and External Secrets' ExternalSecret for passwords from the store.
 */
export const POSTGRES_KINDS: readonly KindDefinition[] = [
  { ...CLUSTER_KIND, produces: clusterSecrets },
  DATABASE_KIND,
  DATABASE_ROLE_KIND,
  POOLER_KIND,
  SCHEDULED_BACKUP_KIND,
  OBJECT_STORE_KIND,
  ...EXTERNAL_SECRETS_KINDS.filter((kind) => kind.kind === 'ExternalSecret'),
];
