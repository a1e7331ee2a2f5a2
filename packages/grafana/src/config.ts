import type { ResourceRequirements, StoreCapability } from '@platform/core';

/** A key of an existing Secret in Grafana's namespace (delivered by External Secrets, never rendered here). */
export interface SecretKeyRef {
  /** Secret name. */
  name: string;
  /** Key inside the Secret. */
  key: string;
}

/** Stores Grafana can show as datasources: the environment's telemetry stores. */
export type DatasourceCapability = StoreCapability;

/** A value of `grafana.ini`. */
export type IniValue = string | number | boolean;

/** Configuration of a Grafana instance. */
export interface GrafanaConfig {
  /** Grafana image. Default `grafana/grafana:13.2.0`. */
  image: string;
  /** Replicas. Default 1; more than one needs an external `database` (sqlite cannot be shared). */
  replicas: number;
  /** Container resources. Default requests 100m CPU / 256Mi, limit 1Gi memory. */
  resources: ResourceRequirements;
  /** Public host name. Default `grafana.<baseDomain>`; `root_url` is `https://<host>/`. */
  host?: string;
  /**
   * Stores that must exist; a missing one is a render error naming it. Default `['metricsStore']`.
   * Stores not listed get a datasource when present.
   */
  require: DatasourceCapability[];
  /** The first admin's credentials: only ever from a Secret. */
  admin: {
    /** Secret holding the admin user name and password. Default `grafana-admin`. */
    existingSecret: string;
    /** Key of the user name. Default `admin-user`. */
    userKey: string;
    /** Key of the password. Default `admin-password`. */
    passwordKey: string;
  };
  /**
   * Key Grafana encrypts datasource secrets in its database with (`[security] secret_key`), from a Secret.
   * Default: none (Grafana's built-in key). Set it for anything long-lived: changing it later loses secrets.
   */
  secretKey?: SecretKeyRef;
  /**
   * Grafana's database. Default `sqlite3` on the `storage` volume. For a PostgreSQL database of the environment
   * (CloudNativePG's `postgres()` in Grafana's namespace): `{ type: 'postgres', postgres: 'grafana-db' }`.
   */
  database: {
    /** `sqlite3` (single replica), `postgres` or `mysql`. Default `sqlite3`. */
    type: 'sqlite3' | 'postgres' | 'mysql';
    /**
     * The component of the environment providing the `postgres` database (host, database, user, credentials,
     * CA, egress and sync order follow from it; `host`, `name`, `user`, `sslMode` and `passwordSecret` are not
     * used). Default none.
     */
    postgres?: string;
    /** `host:port` of an external database. Default `''`. */
    host: string;
    /** Database name. Default `grafana`. */
    name: string;
    /** Database user. Default `grafana`. */
    user: string;
    /** Postgres `disable`/`require`/`verify-full`, MySQL `true`/`false`/`skip-verify`. Default `require`. */
    sslMode: string;
    /** Password of an external database, from a Secret. Default: none (required for postgres and mysql). */
    passwordSecret?: SecretKeyRef;
  };
  /** Volume of `/var/lib/grafana` (the sqlite database) when `database.type` is `sqlite3`. */
  storage: {
    /** `persistentVolumeClaim` keeps users, preferences and alert state; `emptyDir` loses them on restart. Default `persistentVolumeClaim`. */
    type: 'persistentVolumeClaim' | 'emptyDir';
    /** Claim size. Default `10Gi`. */
    size: string;
    /** Storage class. Default: the cluster's default. */
    storageClassName?: string;
  };
  auth: {
    /** Hide the user/password form (SSO only). Default false. */
    disableLoginForm: boolean;
    /** Anonymous access. Default disabled, role `Viewer` when enabled. */
    anonymous: { enabled: boolean; orgRole: 'Viewer' | 'Editor' | 'Admin' };
    /** Generic OAuth / OIDC single sign-on. Default disabled. */
    genericOAuth: {
      enabled: boolean;
      /** Name on the login button. Default `SSO`. */
      name: string;
      clientId: string;
      /** Client secret, from a Secret. Required when enabled. */
      clientSecret?: SecretKeyRef;
      authUrl: string;
      tokenUrl: string;
      apiUrl: string;
      /** Default `openid email profile`. */
      scopes: string;
      /** JMESPath mapping claims to a Grafana role, e.g. `contains(groups[*], 'sre') && 'Admin' || 'Viewer'`. Default `''`. */
      roleAttributePath: string;
      /** Create users on first login. Default true. */
      allowSignUp: boolean;
    };
  };
  /**
   * Plugins installed at start-up, each pinned as `id@version`. Default `[]`: only the plugins the image
   * ships, with downloads and auto-updates off (Grafana needs no internet access).
   */
  plugins: string[];
  /** Grafana's own dashboards (besides those of the environment's components). */
  dashboards: {
    /** Folder. Default `Platform`. */
    folder: string;
    /** Dashboard JSON by file name (`*.json`). Default `{}`. */
    files: Record<string, unknown>;
  };
  /** More `grafana.ini` settings by section, applied over the generated ones. Default `{}`. Secrets are rejected. */
  settings: Record<string, Record<string, IniValue>>;
  /** Grafana's route at `https://<host>/`, for the environment's edge (Traefik, Contour, Gateway API or Ingress). */
  route: {
    /** Declare the route. Default true; an environment without an edge component serves none. */
    enabled: boolean;
    /** `public`, or `internal` (only the edge's internal source ranges). Default `public`: Grafana authenticates its users. */
    audience: 'public' | 'internal';
  };
}

export const GRAFANA_IMAGE = 'grafana/grafana:13.2.0';

export const defaults: GrafanaConfig = {
  image: GRAFANA_IMAGE,
  replicas: 1,
  resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } },
  host: undefined,
  require: ['metricsStore'],
  admin: { existingSecret: 'grafana-admin', userKey: 'admin-user', passwordKey: 'admin-password' },
  secretKey: undefined,
  database: {
    type: 'sqlite3',
    postgres: undefined,
    host: '',
    name: 'grafana',
    user: 'grafana',
    sslMode: 'require',
    passwordSecret: undefined,
  },
  storage: { type: 'persistentVolumeClaim', size: '10Gi', storageClassName: undefined },
  auth: {
    disableLoginForm: false,
    anonymous: { enabled: false, orgRole: 'Viewer' },
    genericOAuth: {
      enabled: false,
      name: 'SSO',
      clientId: '',
      clientSecret: undefined,
      authUrl: '',
      tokenUrl: '',
      apiUrl: '',
      scopes: 'openid email profile',
      roleAttributePath: '',
      allowSignUp: true,
    },
  },
  plugins: [],
  dashboards: { folder: 'Platform', files: {} },
  settings: {},
  route: { enabled: true, audience: 'public' },
};

/** Grafana's HTTP port (UI, API and `/metrics`). */
export const HTTP_PORT = 3000;
/** Port the alerting HA peers gossip on (TCP and UDP). */
export const ALERTING_HA_PORT = 9094;

/** The host Grafana is served at. */
export function grafanaHost(config: GrafanaConfig, baseDomain: string): string {
  return config.host ?? `grafana.${baseDomain}`;
}
