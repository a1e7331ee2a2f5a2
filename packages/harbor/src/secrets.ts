import type { BuildContext } from '@platform/core';
import { externalSecret, type IExternalSecret } from '@platform/external-secrets';
import { REGISTRY_USER } from './chart.js';
import type { HarborConfig } from './config.js';

/** The Secret with Harbor's own secrets, under the key names the chart's `existingSecret*` values expect. */
export const HARBOR_SECRET = 'harbor-secrets';
/** The Secret with the registry's S3 key pair (keys `REGISTRY_STORAGE_S3_ACCESSKEY`, `REGISTRY_STORAGE_S3_SECRETKEY`). */
export const S3_SECRET = 'harbor-s3';

/**
 * Chart key → store property. Keys as the chart reads them (harbor-helm v1.19.1): `HARBOR_ADMIN_PASSWORD`
 * (values `existingSecretAdminPasswordKey`), `secretKey` (core-dpl.yaml:206-215), `secret` (core-dpl.yaml:110-111),
 * `CSRF_KEY` (values `core.existingXsrfSecretKey`), `JOBSERVICE_SECRET` and `REGISTRY_HTTP_SECRET` (values
 * `*.existingSecretKey`), `REGISTRY_PASSWD` (core-dpl.yaml:149-150).
 */
const KEYS = {
  HARBOR_ADMIN_PASSWORD: 'admin-password',
  secretKey: 'secret-key',
  secret: 'core-secret',
  CSRF_KEY: 'csrf-key',
  JOBSERVICE_SECRET: 'jobservice-secret',
  REGISTRY_HTTP_SECRET: 'registry-http-secret',
  REGISTRY_PASSWD: 'registry-password',
} as const;

/**
 * The chart generates these secrets with `randAlphaNum` unless given (core-secret.yaml:15,32 ...), reading earlier
 * values back with `lookup`, which Argo CD does not run: every render would rotate them. So all come from the
 * store, in one Secret. `REGISTRY_HTPASSWD` (the registry's htpasswd line, registry-dpl.yaml:365-369) is computed
 * from the registry password by External Secrets' template (`htpasswd`, bcrypt; external-secrets v2.9.0
 * runtime/template/v2/sprig/functions.go:256), merged into the fetched keys.
 */
export function harborSecrets(context: BuildContext<HarborConfig>): Record<string, IExternalSecret> {
  const { config, name, namespace, peers } = context;
  const store = peers.require('secretStore', "Harbor's admin password and internal secrets are ExternalSecrets");
  const secrets = externalSecret({
    name: HARBOR_SECRET,
    namespace,
    component: name,
    store: store.storeRef,
    data: Object.fromEntries(
      Object.entries(KEYS).map(([key, property]) => [key, { key: config.secretsKey, property }]),
    ),
  });
  secrets.spec!.target!.template = {
    engineVersion: 'v2',
    mergePolicy: 'Merge',
    data: { REGISTRY_HTPASSWD: `{{ htpasswd "${REGISTRY_USER}" .REGISTRY_PASSWD "bcrypt" }}` },
  };
  const s3Key = config.storage.credentialsKey;
  const s3 =
    s3Key === undefined
      ? undefined
      : externalSecret({
          name: S3_SECRET,
          namespace,
          component: name,
          store: store.storeRef,
          data: {
            REGISTRY_STORAGE_S3_ACCESSKEY: { key: s3Key, property: 'AWS_ACCESS_KEY_ID' },
            REGISTRY_STORAGE_S3_SECRETKEY: { key: s3Key, property: 'AWS_SECRET_ACCESS_KEY' },
          },
        });
  return { secrets_externalsecret: secrets, ...(s3 ? { s3_externalsecret: s3 } : {}) };
}
