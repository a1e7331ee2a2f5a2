import type { ResourceRequirements } from '@platform/core';
import type { RemoteValue } from '@platform/external-secrets';

/** A password kept in the platform's secret store, delivered by an ExternalSecret (never rendered). */
export type StoredPassword = RemoteValue;

/** A database of the cluster besides the bootstrap one, managed by a `Database` object. */
export interface DatabaseDeclaration {
  /** Database name. */
  name: string;
  /** Owning role: the cluster's owner or one of `roles`. */
  owner: string;
  /** Extensions the operator creates in it, e.g. `['pg_trgm']`. Default none. */
  extensions?: string[];
  /** When the declaration is removed: keep the database (`retain`) or drop it (`delete`). Default `retain`. */
  reclaimPolicy?: 'retain' | 'delete';
}

/** A role of the cluster besides the owner, managed by a `DatabaseRole` object. */
export interface RoleDeclaration {
  /** Role name. */
  name: string;
  /** Whether the role may log in. Default true. */
  login?: boolean;
  /** Roles it is a member of, e.g. `['pg_read_all_data']`. Default none. */
  inRoles?: string[];
  /** Connection limit; -1 for none. Default -1. */
  connectionLimit?: number;
  /** Its password, from the secret store. Default none: the role has no password. */
  password?: StoredPassword;
  /** When the declaration is removed: keep the role (`retain`) or drop it (`delete`). Default `retain`. */
  reclaimPolicy?: 'retain' | 'delete';
}

/**
 * A PostgreSQL cluster run by CloudNativePG: instances with their storage and resources, the bootstrap database
 * and owner, more databases and roles, an optional PgBouncer pooler, backups with WAL archiving to object
 * storage through the Barman Cloud plugin, and who may connect.
 */
export interface PostgresConfig {
  /** Operand image, pinned. Default `ghcr.io/cloudnative-pg/postgresql:18.4-system-trixie` (operator 1.30.0's default). */
  imageName: string;
  /** PostgreSQL instances: one primary, the rest streaming replicas. Default 3. */
  instances: number;
  /** Data volume of each instance. Default `10Gi` of the cluster's default storage class. */
  storage: { size: string; storageClassName?: string };
  /** A separate WAL volume of each instance. Default none: WAL lives on the data volume. */
  walStorage?: { size: string; storageClassName?: string };
  /** Resources of each instance's `postgres` container. Default requests 250m / 512Mi, limit 1Gi. */
  resources: ResourceRequirements;
  /** `postgresql.conf` parameters (the operator rejects the ones it manages). Default `{}`. */
  parameters: Record<string, string>;
  /** The database created at bootstrap. Default `app`. */
  database: string;
  /** The owner of {@link database}, the role consumers log in as. */
  owner: {
    /** Role name. Default `app`. */
    name: string;
    /**
     * Its password, from the secret store (an ExternalSecret renders the basic-auth Secret the Cluster reads).
     * Default none: the operator generates it into the Secret `<cluster>-app`. Prefer the store for anything
     * long-lived: the operator does not back Secrets up, so a recovered cluster gets a new password.
     */
    password?: StoredPassword;
  };
  /** More databases (`Database` objects). Default none. */
  databases: DatabaseDeclaration[];
  /** More roles (`DatabaseRole` objects). Default none. */
  roles: RoleDeclaration[];
  /** A PgBouncer `Pooler` in front of the primary; consumers then connect to it. */
  pooler: {
    /** Render the pooler. Default false. */
    enabled: boolean;
    /** PgBouncer pods. Default 2. */
    instances: number;
    /** PgBouncer `pool_mode`. Default `session` (what every client supports). */
    poolMode: 'session' | 'transaction';
    /** Further PgBouncer parameters, e.g. `{ max_client_conn: '1000' }`. Default `{}`. */
    parameters: Record<string, string>;
    /** PgBouncer image, pinned. Default `ghcr.io/cloudnative-pg/pgbouncer:1.25.1` (operator 1.30.0's default). */
    image: string;
    /** Resources of the `pgbouncer` container. Default requests 50m / 64Mi, limit 256Mi. */
    resources: ResourceRequirements;
  };
  /** Base backups and WAL archiving to the environment's object storage, through the Barman Cloud plugin. */
  backup: {
    /** Archive WAL and take scheduled base backups. Default true. */
    enabled: boolean;
    /** When base backups run, a six-field cron expression with seconds (Go `cron`). Default `0 0 3 * * *` (03:00 daily). */
    schedule: string;
    /** How far back recovery must reach (`<n>d`, `<n>w` or `<n>m`); older backups and WAL are deleted. Default `30d`. */
    retention: string;
    /** Bucket. Default `<bucketPrefix>-postgres`; each cluster writes under `<namespace>/<serverName>/`. */
    bucket?: string;
    /** Folder name of this cluster's backups. Default the cluster name; change it for a cluster recovered in place. */
    serverName?: string;
    /** Resources of the plugin's sidecar in each instance pod. Default requests 50m / 128Mi, limit 512Mi. */
    sidecarResources: ResourceRequirements;
    /** Alert when the newest base backup is older than this many hours. Default 26 (a daily schedule plus slack). */
    maxAgeHours: number;
  };
  /**
   * Bootstrap from this cluster's (or another's) backups instead of an empty database, up to the newest WAL or
   * to `targetTime` (point-in-time recovery). Default none. See the README's recovery runbook.
   */
  recovery?: {
    /** The `serverName` whose backups to restore. */
    serverName: string;
    /** RFC 3339 time to stop at, with a time zone, e.g. `2026-07-01T10:00:00Z`. Default: the newest WAL. */
    targetTime?: string;
  };
  /** How instances are spread, and whether the operator keeps a PodDisruptionBudget. */
  availability: {
    /** `required`: never two instances on one node; `preferred`: try. Default `required`. */
    antiAffinity: 'required' | 'preferred';
    /** Topology the anti-affinity spreads over. Default `kubernetes.io/hostname`. */
    topologyKey: string;
    /** The operator's PodDisruptionBudgets (`spec.enablePDB`). Default true; never for one instance, whose PDB blocks node drains. */
    podDisruptionBudget: boolean;
  };
  /** Components whose pods may connect (to the pooler when enabled, to the instances otherwise). Default none. */
  clients: string[];
  /** TLS consumers are told to use: `verify-full` (checks the server certificate against the cluster CA) or `require`. Default `verify-full`. */
  clientTls: 'verify-full' | 'require';
  /** The operator component's instance name, ordered before this one. Default `cloudnative-pg`. */
  operator: string;
  /** The Barman Cloud plugin component's instance name, needed for backups. Default `cnpg-barman-cloud`. */
  barmanPlugin: string;
  /** Alerting rules (rendered when the environment renders monitoring objects). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Page with one runbook section per alert (`#<alert name in lower case>`). Default this package's README. */
    runbookUrl: string;
    /** Warn when a replica lags the primary by more than this many seconds. Default 300. */
    replicationLagSeconds: number;
  };
}

export const POSTGRES_IMAGE = 'ghcr.io/cloudnative-pg/postgresql:18.4-system-trixie';
export const PGBOUNCER_IMAGE = 'ghcr.io/cloudnative-pg/pgbouncer:1.25.1';

/** Where the runbooks of the alerts live: this package's README in the platform repository. */
const RUNBOOK_URL = 'https://git.example.com/platform/platform/-/blob/main/packages/cloudnative-pg/README.md';

export const postgresDefaults: PostgresConfig = {
  imageName: POSTGRES_IMAGE,
  instances: 3,
  storage: { size: '10Gi', storageClassName: undefined },
  walStorage: undefined,
  resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } },
  parameters: {},
  database: 'app',
  owner: { name: 'app', password: undefined },
  databases: [],
  roles: [],
  pooler: {
    enabled: false,
    instances: 2,
    poolMode: 'session',
    parameters: {},
    image: PGBOUNCER_IMAGE,
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
  },
  backup: {
    enabled: true,
    schedule: '0 0 3 * * *',
    retention: '30d',
    bucket: undefined,
    serverName: undefined,
    sidecarResources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '512Mi' } },
    maxAgeHours: 26,
  },
  recovery: undefined,
  availability: { antiAffinity: 'required', topologyKey: 'kubernetes.io/hostname', podDisruptionBudget: true },
  clients: [],
  clientTls: 'verify-full',
  operator: 'cloudnative-pg',
  barmanPlugin: 'cnpg-barman-cloud',
  alerts: { team: 'platform', runbookUrl: RUNBOOK_URL, replicationLagSeconds: 300 },
};
