import { externalSecret } from '@platform/external-secrets';

/** The on-prem S3-compatible object store (MinIO, Ceph RGW ...) every store, backup and the registry write to. */
export const onPremObjectStore = {
  /** Host and port, no scheme: a name of the site's own DNS, served with a certificate of the internal PKI. */
  endpoint: 's3.storage.selfhosted.internal:9000',
  /** The region the store answers to (MinIO's default). */
  region: 'us-east-1',
};

/** The Secret, in each consuming namespace, with the store's access key pair (`settings.objectStorage.credentialsSecret`). */
export const OBJECT_STORAGE_CREDENTIALS = 'object-storage';

/** The ExternalSecret delivering the access key pair at `key` in OpenBao into `namespace`. */
export function objectStorageCredentials(namespace: string, key: string) {
  return externalSecret({
    name: OBJECT_STORAGE_CREDENTIALS,
    namespace,
    data: {
      AWS_ACCESS_KEY_ID: { key, property: 'AWS_ACCESS_KEY_ID' },
      AWS_SECRET_ACCESS_KEY: { key, property: 'AWS_SECRET_ACCESS_KEY' },
    },
  });
}
