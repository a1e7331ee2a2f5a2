import { type BuildContext, type ComponentContext, PlatformError } from '@platform/core';
import { externalSecret, type IExternalSecret } from '@platform/external-secrets';
import type { LonghornConfig } from './config.js';

/** Name of the Secret with the backup target's credentials when this package renders it (`backupTarget.credentialsKey`). */
export const CREDENTIALS_SECRET = 'longhorn-backup-target';

/** The backup bucket: configured, or `<bucketPrefix>-longhorn-backups`. */
export function backupBucket({ config, environment }: ComponentContext<LonghornConfig>): string {
  return config.backupTarget.bucket ?? `${environment.settings.objectStorage.bucketPrefix}-longhorn-backups`;
}

/**
 * The target URL in the form Longhorn's S3 driver parses: `s3://<bucket>@<region>/` (longhorn/backupstore
 * s3/s3.go:57, the form the pinned manager's go.mod resolves; website set-backup-target.md:198).
 */
export function backupTargetUrl(context: ComponentContext<LonghornConfig>): string {
  return `s3://${backupBucket(context)}@${context.environment.settings.objectStorage.region}/`;
}

/**
 * The Secret Longhorn reads the target's credentials and endpoint from: the one this package renders, the one a
 * `longhornBackupCredentials()` component renders (`separateCredentials`), the environment's object-storage
 * Secret, or none (the nodes' cloud identity).
 */
export function backupTargetCredentialsSecret(context: BuildContext<LonghornConfig>): string | undefined {
  const { config, environment } = context;
  if (config.backupTarget.credentialsKey !== undefined) return CREDENTIALS_SECRET;
  if (config.backupTarget.separateCredentials) return separateCredentials(context).secretName;
  return environment.settings.objectStorage.credentialsSecret;
}

/** The `longhornBackupCredentials()` component of the environment, in Longhorn's namespace (render errors otherwise). */
function separateCredentials({ namespace, peers }: BuildContext<LonghornConfig>) {
  const provider = peers.require(
    'longhornBackupCredentials',
    'backupTarget.separateCredentials: the backup target credentials come from longhornBackupCredentials()',
  );
  if (provider.namespace !== namespace)
    throw new PlatformError({
      path: 'backupTarget.separateCredentials',
      message: `"${provider.component}" renders the credentials in namespace "${provider.namespace}", but Longhorn reads them from its own, "${namespace}"`,
    });
  return provider;
}

/** What the backup target's ExternalSecret is made of: the store path, where it goes, the store it reads. */
export interface BackupCredentialsTarget {
  key: string;
  namespace: string;
  component: string;
  environment: BuildContext<unknown>['environment'];
  peers: BuildContext<unknown>['peers'];
}

/**
 * The ExternalSecret of the backup target: the key pair from the store, plus the two keys Longhorn's S3 driver
 * reads from the same Secret, derived from `settings.objectStorage` (backupstore s3/s3_service.go:93-106):
 * `AWS_ENDPOINTS` (the endpoint URL) and `VIRTUAL_HOSTED_STYLE` (`false` for path-style buckets). The template
 * merges them into the fetched data, so no value is ever rendered but the endpoint.
 */
export function backupCredentialsExternalSecret(target: BackupCredentialsTarget): IExternalSecret {
  const { key, namespace, component, environment, peers } = target;
  const store = peers.require('secretStore', 'the backup target credentials are an ExternalSecret');
  const { endpoint, insecure, pathStyle } = environment.settings.objectStorage;
  const secret = externalSecret({
    name: CREDENTIALS_SECRET,
    namespace,
    component,
    store: store.storeRef,
    data: {
      AWS_ACCESS_KEY_ID: { key, property: 'AWS_ACCESS_KEY_ID' },
      AWS_SECRET_ACCESS_KEY: { key, property: 'AWS_SECRET_ACCESS_KEY' },
    },
  });
  secret.spec!.target!.template = {
    engineVersion: 'v2',
    mergePolicy: 'Merge',
    data: {
      AWS_ENDPOINTS: `${insecure ? 'http' : 'https'}://${endpoint}`,
      VIRTUAL_HOSTED_STYLE: String(!pathStyle),
    },
  };
  return secret;
}

/** The backup target's ExternalSecret when Longhorn renders it itself (`backupTarget.credentialsKey`). */
export function backupTargetExternalSecret(context: BuildContext<LonghornConfig>): IExternalSecret | undefined {
  const { config, namespace, name, environment, peers } = context;
  const key = config.backupTarget.credentialsKey;
  if (!config.backupTarget.enabled || key === undefined) return undefined;
  return backupCredentialsExternalSecret({ key, namespace, component: name, environment, peers });
}
