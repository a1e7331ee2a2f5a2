import { type DeepPartial, defineComponent } from '@platform/core';
import { backupCredentialsExternalSecret, CREDENTIALS_SECRET } from './backup-target.js';

/** Configuration of `longhornBackupCredentials()`. */
export interface BackupCredentialsConfig {
  /**
   * Path in the secret store of the access key pair (properties `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`), as
   * `longhorn({ backupTarget: { credentialsKey } })` takes it. No default.
   */
  key: string;
}

const defaults: BackupCredentialsConfig = { key: '' };

const backupCredentialsComponent = defineComponent({
  name: 'longhorn-backup-credentials',
  tier: 'operators',
  defaults,
  check: (config, checks) => {
    checks.require(config.key.trim() !== '', 'key', 'the store path of the backup target key pair is required');
  },
  // After the store (its ExternalSecret) and after Longhorn, whose namespace it writes into.
  dependsOn: ({ peers }) => [
    peers.require('secretStore', 'the backup target credentials are an ExternalSecret').component,
    peers.require('storageClass', "the backup target credentials go into Longhorn's namespace").component,
  ],
  provides: ({ name, namespace }) => ({
    longhornBackupCredentials: { component: name, namespace, secretName: CREDENTIALS_SECRET },
  }),
  build: ({ config, namespace, name, environment, peers }) => ({
    backup_target_externalsecret: backupCredentialsExternalSecret({
      key: config.key,
      namespace,
      component: name,
      environment,
      peers,
    }),
  }),
});

/**
 * Longhorn's backup target credentials as a component of their own (tier `operators`, in Longhorn's namespace
 * `longhorn`, after the secret store and Longhorn), for `longhorn({ backupTarget: { separateCredentials: true } })`:
 * when the secret store keeps its data on Longhorn volumes (OpenBao's Raft), Longhorn cannot wait for the store,
 * so only its credentials do. Longhorn reports the missing Secret on its backup target until they arrive.
 *
 * ```ts
 * longhorn({ backupTarget: { separateCredentials: true } }),
 * longhornBackupCredentials({ key: 'platform/selfhosted/longhorn-backup' }),
 * ```
 */
export function longhornBackupCredentials(
  config?: DeepPartial<BackupCredentialsConfig>,
): ReturnType<typeof backupCredentialsComponent> {
  return backupCredentialsComponent(config).inNamespace('longhorn', { create: false });
}
