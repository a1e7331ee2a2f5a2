import { configMap, type IConfigMap, type ResolvedObjectStorage, serialize } from '@platform/core';
import { OBJSTORE, thanosBucket } from './layout.js';

/**
 * Thanos' object storage configuration for the environment's S3 endpoint (`docs/storage.md:66-110` at v0.42.4):
 * bucket, endpoint, region, addressing and TLS. It holds no credentials: with `objectStorage.credentialsSecret`
 * the pods get `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` from it, which Thanos reads when the file has no keys
 * (`docs/storage.md:174-181`); without one, the instance's IAM role.
 */
export function objstoreConfig(storage: ResolvedObjectStorage, bucket: string = thanosBucket(storage)): string {
  return serialize({
    type: 'S3',
    config: {
      bucket,
      endpoint: storage.endpoint,
      region: storage.region,
      insecure: storage.insecure ?? false,
      bucket_lookup_type: storage.pathStyle ? 'path' : 'virtual-hosted',
    },
  });
}

/** The ConfigMap with {@link objstoreConfig}, in the namespace of the pods that mount it. */
export function objstoreConfigMap(
  context: { name: string; namespace: string },
  storage: ResolvedObjectStorage,
  bucket?: string,
): IConfigMap {
  return configMap(context, OBJSTORE.configMap, 'object-storage', { [OBJSTORE.key]: objstoreConfig(storage, bucket) });
}
