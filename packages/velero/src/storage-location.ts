import { type BuildContext, type ComponentContext, standardLabels } from '@platform/core';
import { externalSecret, type IExternalSecret } from '@platform/external-secrets';
import { STORAGE_LOCATION } from './chart.js';
import type { VeleroConfig } from './config.js';
import type { IBackupStorageLocation } from './kinds.js';

/** Secret (and ExternalSecret) with Velero's `cloud` credentials file, when this package renders it. */
export const CREDENTIALS_SECRET = 'velero-cloud-credentials';

/** The bucket: configured, or `<bucketPrefix>-velero`. */
export function veleroBucket({ config, environment }: ComponentContext<VeleroConfig>): string {
  return config.bucket ?? `${environment.settings.objectStorage.bucketPrefix}-velero`;
}

/**
 * The BackupStorageLocation on the environment's object storage, through the AWS plugin. Config keys as
 * velero-plugin-for-aws v1.14.2 reads them (velero-plugin-for-aws/object_store.go:48-63, `region` :97):
 * `s3Url` and `s3ForcePathStyle` only for other endpoints than AWS itself.
 */
export function backupStorageLocation(context: BuildContext<VeleroConfig>): IBackupStorageLocation {
  const { name, namespace, environment } = context;
  const { endpoint, region, insecure, pathStyle } = environment.settings.objectStorage;
  const aws = /(^|\.)amazonaws\.com(:\d+)?$/.test(endpoint);
  return {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: { name: STORAGE_LOCATION, namespace, labels: standardLabels(name, 'backup-storage-location') },
    spec: {
      provider: 'aws',
      default: true,
      accessMode: 'ReadWrite',
      objectStorage: { bucket: veleroBucket(context) },
      config: {
        region,
        ...(aws ? {} : { s3Url: `${insecure ? 'http' : 'https'}://${endpoint}` }),
        ...(pathStyle ? { s3ForcePathStyle: 'true' } : {}),
      },
    },
  };
}

/**
 * The ExternalSecret that writes Velero's credentials file (`cloud`, the AWS shared-credentials format the chart
 * mounts at /credentials/cloud and points AWS_SHARED_CREDENTIALS_FILE at) from the key pair in the store.
 */
export function credentialsExternalSecret(context: BuildContext<VeleroConfig>): IExternalSecret | undefined {
  const { config, name, namespace, peers } = context;
  const key = config.credentialsKey;
  if (key === undefined) return undefined;
  const store = peers.require('secretStore', 'the object storage credentials are an ExternalSecret');
  const secret = externalSecret({
    name: CREDENTIALS_SECRET,
    namespace,
    component: name,
    store: store.storeRef,
    data: {
      AWS_ACCESS_KEY_ID: { key, property: 'AWS_ACCESS_KEY_ID' },
      AWS_SECRET_ACCESS_KEY: { key, property: 'AWS_SECRET_ACCESS_KEY' },
    },
  });
  secret.spec!.target!.template = {
    engineVersion: 'v2',
    data: {
      cloud:
        '[default]\naws_access_key_id={{ .AWS_ACCESS_KEY_ID }}\naws_secret_access_key={{ .AWS_SECRET_ACCESS_KEY }}\n',
    },
  };
  return secret;
}
