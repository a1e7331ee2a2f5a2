/**
 * @platform/longhorn: Longhorn distributed block storage from its upstream chart (installed by Argo CD with typed
 * values), its StorageClasses as typed configuration, recurring snapshots and backups to a backup target on the
 * environment's object storage, alerts and a dashboard. Provides `storageClass`: the default class's name.
 */
import { defineComponent } from '@platform/core';
import { alerts } from './alerts.js';
import { backupTargetExternalSecret } from './backup-target.js';
import { CHART, PROVISIONER, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { longhornDashboards } from './dashboards.js';
import { LONGHORN_KINDS } from './kinds.js';
import { namespaceDefaults } from './namespace-defaults.js';
import { networkAccess } from './network.js';
import { recurringJobs } from './recurring-jobs.js';
import { storageOrderRule } from './rules.js';
import { storageClasses, storageClassSettings } from './storage-classes.js';
import { syncSettings } from './sync.js';
import { chartValues } from './values.js';

export { cronProblem } from '@platform/core';
export type { BackupCredentialsConfig } from './backup-credentials.js';
export { longhornBackupCredentials } from './backup-credentials.js';
export { backupBucket, backupTargetUrl, CREDENTIALS_SECRET } from './backup-target.js';
export type { LonghornBackupCredentials, StorageClasses } from './capability.js';
export { CHART, NFS_PORT, PROVISIONER, RELEASE_NAME, WEBHOOK_PORT } from './chart.js';
export type {
  DataLocality,
  DefaultStorageClass,
  ExtraRecurringJob,
  LonghornConfig,
  RecurringTask,
  StorageClassSettings,
} from './config.js';
export { defaults } from './config.js';
export type { IRecurringJob } from './kinds.js';
export { LONGHORN_KINDS } from './kinds.js';
export { DEFAULT_GROUP } from './recurring-jobs.js';
export { storageOrderRule } from './rules.js';
export type { LonghornValues } from './values.js';

/**
 * Longhorn (tier `operators`, namespace `longhorn`): storage must exist before anything that claims a volume.
 * The namespace is Pod Security `privileged`: the manager DaemonSet is a privileged container with host /dev,
 * /proc, /boot, /etc and /var/lib/longhorn mounted bidirectionally (chart templates/daemonset-sa.yaml), and the
 * instance managers and CSI plugin it creates attach block devices on the node; none of it can run under
 * baseline. Only Longhorn's own pods run there.
 *
 * ```ts
 * longhorn({ storageClass: { replicas: 2 }, backupTarget: { credentialsKey: 'platform/selfhosted/longhorn-backup' } })
 * ```
 */
export const longhorn = defineComponent({
  name: 'longhorn',
  tier: 'operators',
  defaults,
  podSecurity: 'privileged',
  check: checkConfig,
  // The backup target's ExternalSecret needs the secret store's CRDs and store first.
  dependsOn: (context) =>
    context.config.backupTarget.enabled && context.config.backupTarget.credentialsKey !== undefined
      ? [context.peers.require('secretStore', 'the backup target credentials are an ExternalSecret').component]
      : [],
  provides: (context) => ({
    storageClass: {
      component: context.name,
      namespace: context.namespace,
      defaultClass: context.config.storageClass.name,
      classes: storageClassSettings(context.config).map((c) => c.name),
      provisioner: PROVISIONER,
    },
    ...(context.environment.settings.serviceMonitors ? { dashboards: longhornDashboards(context) } : {}),
  }),
  build: (context) => {
    const credentials = backupTargetExternalSecret(context);
    return {
      ...storageClasses(context),
      ...recurringJobs(context),
      ...namespaceDefaults(context),
      ...(credentials ? { backup_target_externalsecret: credentials } : {}),
      ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
    };
  },
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  network: networkAccess,
  sync: syncSettings,
  kinds: LONGHORN_KINDS,
  rules: [storageOrderRule],
});
