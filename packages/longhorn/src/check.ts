import { type ComponentContext, type ConfigChecks, isDnsLabel } from '@platform/core';
import type { LonghornConfig, StorageClassSettings } from './config.js';
import { storageClassSettings } from './storage-classes.js';

/** Longhorn's cap on snapshots or backups kept by one job (setting `recurring-job-max-retention`, types/setting.go:1427-1440). */
const MAX_RETAIN = 100;
/** Longhorn's limit on a recurring job's name (datastore/longhorn.go:44). */
const MAX_JOB_NAME = 40;
/** A recurring-job group name as Longhorn validates it (util/util.go:288-291). */
const GROUP_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

const LOCALITIES = ['disabled', 'best-effort', 'strict-local'] as const;

function checkClass(checks: ConfigChecks, path: string, settings: StorageClassSettings): void {
  checks.integer(`${path}.replicas`, settings.replicas, { min: 1, max: 20 });
  checks.oneOf(`${path}.dataLocality`, settings.dataLocality, LOCALITIES);
  checks.oneOf(`${path}.reclaimPolicy`, settings.reclaimPolicy, ['Delete', 'Retain']);
  checks.oneOf(`${path}.volumeBindingMode`, settings.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']);
  checks.oneOf(`${path}.fsType`, settings.fsType, ['ext4', 'xfs']);
  checks.integer(`${path}.staleReplicaTimeoutMinutes`, settings.staleReplicaTimeoutMinutes, { min: 1 });
  settings.recurringJobGroups.forEach((group, index) =>
    checks.require(
      GROUP_NAME.test(group),
      `${path}.recurringJobGroups[${index}]`,
      `"${group}" is not a valid group name (letters, digits, "_", "." and "-", at least 2 characters)`,
    ),
  );
  // Longhorn can place only one replica of a volume on a node, and strict-local keeps the only replica there.
  checks.require(
    settings.dataLocality !== 'strict-local' || settings.replicas === 1,
    `${path}.dataLocality`,
    `strict-local keeps exactly one replica on the pod's node; set replicas to 1 (got ${settings.replicas})`,
  );
}

function checkJob(
  checks: ConfigChecks,
  path: string,
  job: { cron: string; retain: number; concurrency: number },
): void {
  checks.cron(`${path}.cron`, job.cron);
  checks.integer(`${path}.retain`, job.retain, { min: 1, max: MAX_RETAIN });
  checks.integer(`${path}.concurrency`, job.concurrency, { min: 1 });
}

/** Semantic checks of the merged configuration: what types cannot say. */
export function checkConfig(
  config: LonghornConfig,
  checks: ConfigChecks,
  context: ComponentContext<LonghornConfig>,
): void {
  for (const { name, settings, isDefault } of storageClassSettings(config)) {
    const path = isDefault ? 'storageClass' : `extraStorageClasses.${name}`;
    checks.dnsLabel(isDefault ? 'storageClass.name' : path, name);
    checkClass(checks, path, settings);
  }
  checks.require(
    !(config.storageClass.name in config.extraStorageClasses),
    `extraStorageClasses.${config.storageClass.name}`,
    'has the name of the default StorageClass',
  );
  checkJob(checks, 'recurringJobs.snapshot', config.recurringJobs.snapshot);
  checkJob(checks, 'recurringJobs.backup', config.recurringJobs.backup);
  for (const [name, job] of Object.entries(config.recurringJobs.extra)) {
    const path = `recurringJobs.extra.${name}`;
    checks.require(
      isDnsLabel(name) && name.length <= MAX_JOB_NAME,
      path,
      `a job name is a DNS label of at most ${MAX_JOB_NAME} characters`,
    );
    checkJob(checks, path, job);
    checks.require(job.groups.length > 0, `${path}.groups`, 'a job without groups runs for no volume');
    checks.require(
      config.backupTarget.enabled || !['backup', 'system-backup'].includes(job.task),
      `${path}.task`,
      `"${job.task}" needs a backup target (backupTarget.enabled)`,
    );
  }

  const storage = context.environment.settings.objectStorage;
  const onAws = /(^|\.)amazonaws\.com(:\d+)?$/.test(storage.endpoint);
  const { credentialsKey, separateCredentials } = config.backupTarget;
  checks.require(
    !config.backupTarget.enabled || onAws || credentialsKey !== undefined || separateCredentials,
    'backupTarget.credentialsKey',
    `the object storage ${storage.endpoint} is not AWS: Longhorn reads its endpoint from the credentials Secret, so give the store path of the key pair and this package renders that Secret`,
  );
  checks.require(
    !(separateCredentials && credentialsKey !== undefined),
    'backupTarget.credentialsKey',
    'with separateCredentials the longhornBackupCredentials() component renders the Secret: give it the store path (key) instead',
  );
  checks.integer('backupTarget.pollIntervalSeconds', config.backupTarget.pollIntervalSeconds, { min: 0 });
  checks.integer('uiReplicas', config.uiReplicas, { min: 1 });
  checks.integer('csiReplicas', config.csiReplicas, { min: 1 });
  checks.resources('resources.manager', config.resources.manager);
  checks
    .quantity('defaultRequests.cpu', config.defaultRequests.cpu)
    .quantity('defaultRequests.memory', config.defaultRequests.memory);
  checks.integer('storageMinimalAvailablePercentage', config.storageMinimalAvailablePercentage, { min: 0, max: 90 });
  checks.integer('alerts.backupMaxAgeHours', config.alerts.backupMaxAgeHours, { min: 1 });
  checks.url('alerts.runbookUrl', config.alerts.runbookUrl);
}
