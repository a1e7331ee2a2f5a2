import { type EnvironmentView, S3_CREDENTIALS_ENV, standardLabels } from '@platform/core';
import type { IObjectStore, IScheduledBackup } from './kinds.js';
import { PLUGIN_NAME } from './plugin-chart.js';
import type { PostgresConfig } from './postgres-config.js';

/** The ObjectStore of a cluster's backups and WAL archive. */
const objectStoreName = (cluster: string) => `${cluster}-backups`;

/** The folder of this cluster's backups inside the store (the plugin's `serverName` parameter). */
export function serverName(cluster: string, config: PostgresConfig): string {
  return config.backup.serverName ?? cluster;
}

/** The plugin parameters that point a Cluster (archiving, or recovering) at the ObjectStore. */
export function barmanParameters(cluster: string, config: PostgresConfig): Record<string, string> {
  return { barmanObjectName: objectStoreName(cluster), serverName: serverName(cluster, config) };
}

/** The bucket of the environment's PostgreSQL backups. */
function backupBucket(config: PostgresConfig, environment: EnvironmentView): string {
  return config.backup.bucket ?? `${environment.settings.objectStorage.bucketPrefix}-postgres`;
}

/**
 * The plugin's `ObjectStore`: `s3://<bucket>/<namespace>` on the environment's endpoint (the plugin adds the
 * `serverName` folder), compressed WAL and base backups, the retention window, credentials from the
 * environment's object storage Secret (keys `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`) or the pod's IAM role,
 * and the resources of the sidecar the plugin injects into every instance pod.
 */
export function objectStore(
  cluster: string,
  namespace: string,
  component: string,
  config: PostgresConfig,
  environment: EnvironmentView,
): IObjectStore {
  const storage = environment.settings.objectStorage;
  const secret = storage.credentialsSecret;
  return {
    apiVersion: 'barmancloud.cnpg.io/v1',
    kind: 'ObjectStore',
    metadata: { name: objectStoreName(cluster), namespace, labels: standardLabels(component, 'backups') },
    spec: {
      retentionPolicy: config.backup.retention,
      configuration: {
        destinationPath: `s3://${backupBucket(config, environment)}/${namespace}`,
        endpointURL: `${storage.insecure ? 'http' : 'https'}://${storage.endpoint}`,
        s3Credentials: secret
          ? {
              accessKeyId: { name: secret, key: S3_CREDENTIALS_ENV.accessKey },
              secretAccessKey: { name: secret, key: S3_CREDENTIALS_ENV.secretKey },
            }
          : { inheritFromIAMRole: true },
        wal: { compression: 'gzip', maxParallel: 2 },
        data: { compression: 'gzip' },
      },
      instanceSidecarConfiguration: { resources: config.backup.sidecarResources },
    },
  };
}

/**
 * The `ScheduledBackup` taking base backups through the plugin on `backup.schedule`, one right away so that
 * point-in-time recovery works from the first day, owned by the ScheduledBackup so deleting it removes the
 * Backup objects (the backups in the bucket follow the retention policy).
 */
export function scheduledBackup(
  cluster: string,
  namespace: string,
  component: string,
  config: PostgresConfig,
): IScheduledBackup {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'ScheduledBackup',
    metadata: { name: `${cluster}-scheduled`, namespace, labels: standardLabels(component, 'backups') },
    spec: {
      cluster: { name: cluster },
      schedule: config.backup.schedule,
      immediate: true,
      backupOwnerReference: 'self',
      method: 'plugin',
      pluginConfiguration: { name: PLUGIN_NAME },
    },
  };
}
