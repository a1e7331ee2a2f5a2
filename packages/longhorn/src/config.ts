import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** Where a volume's replicas live relative to the pod using it (Longhorn `dataLocality`). */
export type DataLocality = 'disabled' | 'best-effort' | 'strict-local';

/** The settings of one Longhorn StorageClass (its `parameters` and the StorageClass fields). */
export interface StorageClassSettings {
  /** Replicas of every volume (`numberOfReplicas`); one per node, so at most the number of storage nodes. */
  replicas: number;
  /** Keep a replica on the pod's node (`dataLocality`). */
  dataLocality: DataLocality;
  /** What happens to the volume when its claim is deleted. */
  reclaimPolicy: 'Delete' | 'Retain';
  /** When a volume is provisioned: at once, or once a pod that uses it is scheduled (so best-effort locality can place a replica there). */
  volumeBindingMode: 'Immediate' | 'WaitForFirstConsumer';
  /** File system of new volumes (`fsType`). */
  fsType: 'ext4' | 'xfs';
  /** Minutes before a failed replica is given up and rebuilt elsewhere (`staleReplicaTimeout`). */
  staleReplicaTimeoutMinutes: number;
  /** Recurring-job groups new volumes join (`recurringJobSelector`); `default` runs the snapshot and backup jobs below. */
  recurringJobGroups: string[];
}

/** The default StorageClass: its settings plus its name. */
export interface DefaultStorageClass extends StorageClassSettings {
  /** StorageClass name, also what the `storageClass` capability publishes. */
  name: string;
}

/** A recurring snapshot or backup of every volume in the `default` group. */
export interface RecurringTask {
  /** Render the job. */
  enabled: boolean;
  /** Standard 5-field cron schedule (robfig/cron `ParseStandard`), in the manager's time zone (UTC unless `global.timezone` is set). */
  cron: string;
  /** Snapshots or backups kept per volume (at most the `recurring-job-max-retention` setting, 100). */
  retain: number;
  /** Volumes processed at once. */
  concurrency: number;
}

/** A recurring job of your own (`RecurringJob` spec). */
export interface ExtraRecurringJob {
  task: 'snapshot' | 'snapshot-cleanup' | 'snapshot-delete' | 'backup' | 'filesystem-trim' | 'system-backup';
  cron: string;
  retain: number;
  concurrency: number;
  /** Groups whose volumes it runs for; StorageClasses put volumes in groups with `recurringJobGroups`. */
  groups: string[];
}

/** Configuration of `@platform/longhorn`. Every field has a documented default. */
export interface LonghornConfig {
  /**
   * The cluster's default StorageClass. Default `longhorn`: 3 replicas, best-effort data locality, `Delete`,
   * `WaitForFirstConsumer`, ext4, 30 minutes stale-replica timeout, group `default`.
   */
  storageClass: DefaultStorageClass;
  /** More StorageClasses by name; every field left out takes the default class's value. Default none. */
  extraStorageClasses: Record<string, Partial<StorageClassSettings>>;
  /** Recurring jobs of the `default` group (every volume that joins no other group). */
  recurringJobs: {
    /** Local snapshots. Default hourly (`0 * * * *`), 24 kept, 2 volumes at once. */
    snapshot: RecurringTask;
    /** Backups to the backup target (only with `backupTarget.enabled`). Default daily at 01:30, 14 kept, 2 at once. */
    backup: RecurringTask;
    /** More jobs by name (a DNS-label-like name of at most 40 characters). Default none. */
    extra: Record<string, ExtraRecurringJob>;
  };
  /** Longhorn's backup target on the environment's object storage (`settings.objectStorage`). */
  backupTarget: {
    /** Configure the default backup target. Default true. */
    enabled: boolean;
    /** Bucket name. Default `<objectStorage.bucketPrefix>-longhorn-backups`. */
    bucket?: string;
    /** Seconds between polls of the target for backups made elsewhere (`backupstore-poll-interval`). Default 300. */
    pollIntervalSeconds: number;
    /**
     * Path in the secret store of the access key pair (properties `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`):
     * the library renders the ExternalSecret and adds the endpoint keys Longhorn reads from the same Secret.
     * Default none: use `settings.objectStorage.credentialsSecret` as it is (AWS only: it has no endpoint key).
     */
    credentialsKey?: string;
    /**
     * The credentials Secret is rendered by a `longhornBackupCredentials()` component instead (which takes the
     * store path), synced after the secret store while Longhorn itself needs no store: for an environment whose
     * secret store keeps its own data on Longhorn volumes (OpenBao on Raft), where Longhorn must come first.
     * Default false.
     */
    separateCredentials: boolean;
  };
  /** Replicas of the UI (with a PodDisruptionBudget). Default 2. */
  uiReplicas: number;
  /** Replicas of each CSI sidecar Deployment (attacher, provisioner, resizer, snapshotter). Default 3. */
  csiReplicas: number;
  /** Resources of the manager container on every node. Default 100m/256Mi, limit 1Gi. */
  resources: { manager: ResourceRequirements };
  /**
   * Default requests of containers the chart and the manager create without any (UI, driver deployer, CSI
   * pods), through a LimitRange. Default 25m/64Mi. No default limit: see the README.
   */
  defaultRequests: { cpu: string; memory: string };
  /** Minimal free disk percentage before a disk takes no new replicas (`storage-minimal-available-percentage`). Default 25. */
  storageMinimalAvailablePercentage: number;
  /** Alerts (rendered when the environment renders ServiceMonitors). */
  alerts: {
    /** `team` label of every alert, for routing. Default `platform`. */
    team: string;
    /** Page whose `#<alert name in lower case>` anchors hold the runbooks. Default this package's README in the platform repository. */
    runbookUrl: string;
    /** Warn when a volume's last backup is older than this many hours (with the backup job on). Default 36. */
    backupMaxAgeHours: number;
  };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: LonghornConfig = {
  storageClass: {
    name: 'longhorn',
    replicas: 3,
    dataLocality: 'best-effort',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    fsType: 'ext4',
    staleReplicaTimeoutMinutes: 30,
    recurringJobGroups: ['default'],
  },
  extraStorageClasses: {},
  recurringJobs: {
    snapshot: { enabled: true, cron: '0 * * * *', retain: 24, concurrency: 2 },
    backup: { enabled: true, cron: '30 1 * * *', retain: 14, concurrency: 2 },
    extra: {},
  },
  backupTarget: {
    enabled: true,
    bucket: undefined,
    pollIntervalSeconds: 300,
    credentialsKey: undefined,
    separateCredentials: false,
  },
  uiReplicas: 2,
  csiReplicas: 3,
  resources: {
    manager: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: undefined, memory: '1Gi' } },
  },
  defaultRequests: { cpu: '25m', memory: '64Mi' },
  storageMinimalAvailablePercentage: 25,
  alerts: {
    team: 'platform',
    runbookUrl: 'https://git.example.com/platform/platform/-/blob/main/packages/longhorn/README.md',
    backupMaxAgeHours: 36,
  },
  extraValues: {},
};
