import { type ObjectStorage, type ResolvedObjectStorage, s3CredentialReferences } from '@platform/core';
import type { S3Yaml } from './mimir-yaml.js';

/** The three buckets Mimir needs: TSDB blocks, ruler rule groups, Alertmanager configurations and state. */
export interface MimirBuckets {
  blocks: string;
  ruler: string;
  alertmanager: string;
}

/** `<bucketPrefix>-mimir-blocks`, `-mimir-ruler`, `-mimir-alertmanager`. */
export function mimirBuckets(storage: ObjectStorage): MimirBuckets {
  return {
    blocks: `${storage.bucketPrefix}-mimir-blocks`,
    ruler: `${storage.bucketPrefix}-mimir-ruler`,
    alertmanager: `${storage.bucketPrefix}-mimir-alertmanager`,
  };
}

/**
 * The shared S3 client (`common.storage.s3`). With a credentials Secret the keys are `${AWS_...}` references
 * that Mimir expands from the environment (`-config.expand-env=true`), so no secret is ever rendered; without
 * one, the keys are left out and Mimir's S3 client takes credentials from the pod's identity (IRSA).
 */
export function commonS3(storage: ResolvedObjectStorage): S3Yaml {
  const credentials = s3CredentialReferences(storage);
  return {
    endpoint: storage.endpoint,
    region: storage.region,
    bucket_lookup_type: storage.pathStyle ? 'path' : 'virtual-hosted',
    ...(storage.insecure ? { insecure: true } : {}),
    ...(credentials ? { access_key_id: credentials.accessKey, secret_access_key: credentials.secretKey } : {}),
  };
}
