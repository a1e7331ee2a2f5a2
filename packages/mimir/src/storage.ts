import type { IEnvVar, ObjectStorage } from '@platform/core';
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

const ACCESS_KEY = 'AWS_ACCESS_KEY_ID';
const SECRET_KEY = 'AWS_SECRET_ACCESS_KEY';

/**
 * The shared S3 client (`common.storage.s3`). With a credentials Secret the keys are `${AWS_...}` references
 * that Mimir expands from the environment (`-config.expand-env=true`), so no secret is ever rendered; without
 * one, the keys are left out and Mimir's S3 client takes credentials from the pod's identity (IRSA).
 */
export function commonS3(storage: ObjectStorage): S3Yaml {
  return {
    endpoint: storage.endpoint,
    region: storage.region,
    ...(storage.insecure ? { insecure: true } : {}),
    ...(storage.credentialsSecret ? { access_key_id: `\${${ACCESS_KEY}}`, secret_access_key: `\${${SECRET_KEY}}` } : {}),
  };
}

/** Whether the configuration file refers to environment variables and Mimir must expand them. */
export function expandsEnvironment(storage: ObjectStorage): boolean {
  return storage.credentialsSecret !== undefined;
}

/** The environment variables that carry S3 credentials from the credentials Secret, if there is one. */
export function credentialsEnv(storage: ObjectStorage): IEnvVar[] {
  const secret = storage.credentialsSecret;
  if (!secret) return [];
  return [ACCESS_KEY, SECRET_KEY].map((key) => ({ name: key, valueFrom: { secretKeyRef: { name: secret, key } } }));
}
