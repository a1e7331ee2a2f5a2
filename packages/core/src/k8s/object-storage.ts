import type { ObjectStorage } from '../model/settings.js';
import type { IEnvVar } from '../registry/kubernetes-types.js';

/** The environment variables that carry S3 credentials from `objectStorage.credentialsSecret` (and the Secret's keys). */
export const S3_CREDENTIALS_ENV = { accessKey: 'AWS_ACCESS_KEY_ID', secretKey: 'AWS_SECRET_ACCESS_KEY' } as const;

/**
 * The env vars that hand the object storage credentials Secret to a process (none without a Secret: the pod's
 * identity then supplies credentials). Grafana's databases read them through `${AWS_...}` references in their
 * configuration file, expanded with `-config.expand-env=true`; see {@link s3CredentialReferences}.
 */
export function s3CredentialsEnv(storage: ObjectStorage): IEnvVar[] {
  const secret = storage.credentialsSecret;
  if (!secret) return [];
  return [S3_CREDENTIALS_ENV.accessKey, S3_CREDENTIALS_ENV.secretKey].map((key) => ({
    name: key,
    valueFrom: { secretKeyRef: { name: secret, key } },
  }));
}

/**
 * `${AWS_ACCESS_KEY_ID}` and `${AWS_SECRET_ACCESS_KEY}`, the values a configuration file gives its S3 keys so that
 * no secret is ever rendered; undefined without a credentials Secret (the keys are then left out).
 */
export function s3CredentialReferences(storage: ObjectStorage): { accessKey: string; secretKey: string } | undefined {
  if (!storage.credentialsSecret) return undefined;
  return { accessKey: `\${${S3_CREDENTIALS_ENV.accessKey}}`, secretKey: `\${${S3_CREDENTIALS_ENV.secretKey}}` };
}
