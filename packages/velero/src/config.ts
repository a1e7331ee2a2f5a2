import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** When a Schedule runs and how long its backups are kept. */
export interface ScheduleTiming {
  /** Standard 5-field cron schedule (Velero parses it with robfig/cron `ParseStandard`), in UTC. */
  cron: string;
  /** How long each backup is kept before Velero deletes it, a Go duration (`720h` = 30 days). */
  ttl: string;
}

/** The environment's mark on a component: why its namespace is stateful, and whether its volumes are copied. */
export interface StatefulMark {
  reason: string;
  /** `filesystem` (default) copies mounted volumes; `none` saves objects only, for data backed up elsewhere (a PostgreSQL WAL archive: a file copy of a running database is not consistent). */
  volumes: 'filesystem' | 'none';
}

/** Configuration of `@platform/velero`. Every field has a documented default. */
export interface VeleroConfig {
  /** Bucket of the BackupStorageLocation. Default `<objectStorage.bucketPrefix>-velero`. */
  bucket?: string;
  /**
   * Path in the secret store of the access key pair (properties `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`): the
   * library renders an ExternalSecret with Velero's `cloud` credentials file. Default none: use
   * `settings.objectStorage.credentialsSecret` as environment variables if set, else the pods' cloud identity
   * (see `serviceAccountAnnotations`).
   */
  credentialsKey?: string;
  /** Annotations of Velero's ServiceAccount, e.g. `eks.amazonaws.com/role-arn` for IRSA. Default none. */
  serviceAccountAnnotations: Record<string, string>;
  /**
   * Components whose namespace holds state that must survive the cluster, with the reason, or a mark with the
   * reason and `volumes` (the environment's mark): each gets a Schedule backing up every object and, unless
   * `volumes: 'none'`, every mounted volume. Libraries that know they are stateful provide `statefulData`
   * instead. Default none.
   */
  stateful: Record<string, string | StatefulMark>;
  /** The Schedules of stateful namespaces. Default daily at 02:00, kept 30 days. */
  statefulSchedule: ScheduleTiming;
  /**
   * cert-manager's Certificates, Issuers, ClusterIssuers and the Secrets it issued (private keys included), when
   * the environment has a `certificateIssuer`. Default every 6 hours, kept 30 days.
   */
  certificates: ScheduleTiming & {
    /** Render the two certificate Schedules. Default true. */
    enabled: boolean;
  };
  /** Resources per part. Defaults: server 100m/256Mi (limit 1Gi), node agent 100m/256Mi (limit 2Gi: kopia buffers), AWS plugin copy 10m/32Mi (limit 64Mi), repository maintenance 100m/256Mi (limit 1Gi). */
  resources: {
    server: ResourceRequirements;
    nodeAgent: ResourceRequirements;
    plugin: ResourceRequirements;
    maintenance: ResourceRequirements;
  };
  /** Log level of the server and node agents. Default `info`. */
  logLevel: 'debug' | 'info' | 'warning' | 'error';
  /** Alerts (rendered when the environment renders ServiceMonitors). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Page whose `#<alert name in lower case>` anchors hold the runbooks. Default this package's README in the platform repository. */
    runbookUrl: string;
    /** Warn when a Schedule's last successful backup is older than this many hours. Default 36. */
    maxBackupAgeHours: number;
  };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: VeleroConfig = {
  bucket: undefined,
  credentialsKey: undefined,
  serviceAccountAnnotations: {},
  stateful: {},
  statefulSchedule: { cron: '0 2 * * *', ttl: '720h' },
  certificates: { enabled: true, cron: '0 */6 * * *', ttl: '720h' },
  resources: {
    server: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: undefined, memory: '1Gi' } },
    nodeAgent: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: undefined, memory: '2Gi' } },
    plugin: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: undefined, memory: '64Mi' } },
    maintenance: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: undefined, memory: '1Gi' } },
  },
  logLevel: 'info',
  alerts: {
    team: 'platform',
    runbookUrl: 'https://git.example.com/platform/platform/-/blob/main/packages/velero/README.md',
    maxBackupAgeHours: 36,
  },
  extraValues: {},
};
