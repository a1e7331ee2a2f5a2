import type { ResourceRequirements } from '@platform/core';
import type { RemoteValue } from '@platform/external-secrets';

export type { RemoteValue, ResourceRequirements };

/** One of OneUptime's stateless services (a Deployment of the chart). */
export interface ServiceConfig {
  /** Replicas. Default 1 (the chart's). */
  replicas: number;
  /** Requests and limits. Defaults per service below. */
  resources: ResourceRequirements;
}

/** A service the chart leaves off by default. */
export interface OptionalServiceConfig extends ServiceConfig {
  /** Run it. Default false (the chart's: the app runs its jobs and ingestion itself). */
  enabled: boolean;
}

/** The secrets OneUptime reads, each a value in the platform store (rendered as ExternalSecrets, never as data). */
export interface OneuptimeSecretsConfig {
  /** Signs sessions and tokens (`externalSecrets.oneuptimeSecret`). Required. */
  oneuptimeSecret: RemoteValue;
  /** Encrypts stored credentials (`externalSecrets.encryptionSecret`). Required. */
  encryptionSecret: RemoteValue;
  /** Key probes register with (`externalSecrets.registerProbeKey`). Required. */
  registerProbeKey: RemoteValue;
  /** Password of the chart's ClickHouse user (`clickhouse.auth.existingSecret`). Required. */
  clickhousePassword: RemoteValue;
  /** Password of the chart's Redis (`redis.auth.existingSecret`). Required. */
  redisPassword: RemoteValue;
}

/** Configuration of `@platform/oneuptime`. Every field has a documented default. */
export interface OneuptimeConfig {
  /** Public host name users and probes reach OneUptime at (`host`). Default `oneuptime.<settings.baseDomain>`. */
  host?: string;
  /**
   * The component providing OneUptime's PostgreSQL database (`postgres` capability, e.g. CloudNativePG's
   * `postgresCluster()` in OneUptime's namespace, whose owner's Secret the pods read). Required.
   */
  postgres: string;
  /** Secrets from the platform store. */
  secrets: OneuptimeSecretsConfig;
  /** The web app and API (`app`). Default 1 replica, requests 500m / 1Gi, limit 2Gi. */
  app: ServiceConfig;
  /** Background jobs in their own pods (`worker`). Default off; 1 replica, requests 250m / 512Mi, limit 1Gi. */
  worker: OptionalServiceConfig;
  /** Telemetry ingestion in its own pods (`telemetryWriter`). Default off; 2 replicas (the chart's), requests 250m / 512Mi, limit 1Gi. */
  telemetryWriter: OptionalServiceConfig;
  /** Workflow and script runner (`runner`). Default 1 replica, requests 100m / 256Mi, limit 512Mi. */
  runner: ServiceConfig;
  /** The in-cluster probe (`probes.one`). Default 1 replica, requests 250m / 512Mi, limit 2Gi (synthetic monitors run Chromium). */
  probe: ServiceConfig;
  /** The chart's nginx front (`nginx`), as a ClusterIP Service behind the environment's edge. Default 1 replica, requests 100m / 128Mi, limit 256Mi. */
  nginx: ServiceConfig;
  /**
   * Component names of the parts the application part comes after (set by `oneuptime()`): the stores
   * (ClickHouse and Redis, whose Services the services connect to) and the migrations. Default
   * `oneuptime-stores`, `oneuptime-migrate`.
   */
  parts: { stores: string; migrate: string };
  /** The chart's single-node ClickHouse (the platform has no ClickHouse library), in the stores part. */
  clickhouse: {
    /** Volume size. Default `50Gi`. */
    storageSize: string;
    /** Storage class. Default: the cluster's default. */
    storageClassName?: string;
    /** Requests and limits. Default requests 1 / 4Gi, limit 8Gi. */
    resources: ResourceRequirements;
  };
  /** The chart's Redis (cache and queues; OneUptime's client cannot follow Sentinel), in the stores part. Default requests 100m / 256Mi, limit 512Mi. */
  redis: { resources: ResourceRequirements };
}

const resources = (cpu: string, memory: string, limit: string): ResourceRequirements => ({
  requests: { cpu, memory },
  limits: { memory: limit },
});

/** Defaults: the shape is also the runtime schema of user configuration. */
export const defaults: OneuptimeConfig = {
  host: undefined,
  postgres: '',
  secrets: {
    oneuptimeSecret: { key: '', property: undefined },
    encryptionSecret: { key: '', property: undefined },
    registerProbeKey: { key: '', property: undefined },
    clickhousePassword: { key: '', property: undefined },
    redisPassword: { key: '', property: undefined },
  },
  app: { replicas: 1, resources: resources('500m', '1Gi', '2Gi') },
  worker: { enabled: false, replicas: 1, resources: resources('250m', '512Mi', '1Gi') },
  telemetryWriter: { enabled: false, replicas: 2, resources: resources('250m', '512Mi', '1Gi') },
  runner: { replicas: 1, resources: resources('100m', '256Mi', '512Mi') },
  probe: { replicas: 1, resources: resources('250m', '512Mi', '2Gi') },
  nginx: { replicas: 1, resources: resources('100m', '128Mi', '256Mi') },
  parts: { stores: 'oneuptime-stores', migrate: 'oneuptime-migrate' },
  clickhouse: { storageSize: '50Gi', storageClassName: undefined, resources: resources('1', '4Gi', '8Gi') },
  redis: { resources: resources('100m', '256Mi', '512Mi') },
};

/** The stateless services, in the order the config lists them. */
export const SERVICES = ['app', 'worker', 'telemetryWriter', 'runner', 'probe', 'nginx'] as const;
