import { type BuildContext, mirroredImage, type ResourceRequirements, serviceHost } from '@platform/core';
import { APP_VERSION, CLICKHOUSE_IMAGE, PORTS, REDIS_IMAGE } from './chart.js';
import type { OneuptimeConfig } from './config.js';
import { oneuptimePostgres } from './database.js';
import { SECRETS } from './secrets.js';

/** Pod Security "restricted" for the Node.js services: the images run as `node` (App/Dockerfile.tpl:144), uid 1000. */
const RESTRICTED_POD = {
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  fsGroup: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
} as const;
const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
} as const;

/** The probe's container: baseline's allowed capabilities of the chart's list, so no NET_RAW (ICMP ping monitors need it). */
const PROBE_CONTAINER = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'], add: ['CHOWN', 'DAC_OVERRIDE', 'KILL', 'SETGID', 'SETUID'] },
  seccompProfile: { type: 'RuntimeDefault' },
} as const;

/** The values of one stateless service: replicas, resources, restricted security, no chart autoscaler. */
function service(replicas: number, resources: ResourceRequirements, restricted: boolean, enabled = true) {
  return {
    enabled,
    replicaCount: replicas,
    resources,
    disableAutoscaler: true,
    ...(restricted ? { podSecurityContext: RESTRICTED_POD, containerSecurityContext: RESTRICTED_CONTAINER } : {}),
  };
}

/**
 * What both installs of the chart set:
 *
 * - `image`: pinned to the app version (the chart's default tag is the moving `release`), through the mirror.
 * - `deployment.includeTimestampLabel: false`: the default stamps a `date: {{ now }}` label on every Deployment
 *   and pod template (`app.yaml:13-15`), which Argo CD would see as a change on every refresh and roll every pod.
 * - `externalSecrets`: OneUptime's secrets from our Secret, so `secrets.yaml` generates no random value.
 * - the chart's own Postgres and its CloudNativePG / KEDA / Altinity sub-charts off (the environment runs its
 *   own database and operators).
 * - `nginx.service.type: ClusterIP`: `nginx.yaml:224` renders the Service in every install; the environment's
 *   edge exposes OneUptime, never a LoadBalancer per install.
 * - `dnsConfig: null`: the default sends every lookup to 8.8.8.8 and 1.1.1.1, bypassing the cluster's DNS.
 */
function commonValues(context: BuildContext<OneuptimeConfig>) {
  const { environment } = context;
  const mirror = environment.settings.imageRegistryMirror;
  const registry = mirroredImage('docker.io/oneuptime', mirror).replace(/\/oneuptime$/, '');
  const secret = (key: string) => ({ existingSecret: { name: SECRETS.platform.name, passwordKey: key } });
  return {
    image: { registry, repository: 'oneuptime', tag: APP_VERSION, pullPolicy: 'IfNotPresent' },
    dnsConfig: null,
    externalSecrets: {
      oneuptimeSecret: secret(SECRETS.platform.keys.oneuptimeSecret),
      encryptionSecret: secret(SECRETS.platform.keys.encryptionSecret),
      registerProbeKey: secret(SECRETS.platform.keys.registerProbeKey),
    },
    postgresql: { enabled: false },
    postgresOperator: { cnpg: { enabled: false } },
    keda: { install: false, enabled: false },
    clickhouseOperator: { altinity: { enabled: false } },
    nginx: { service: { type: 'ClusterIP' } },
    updateCheck: { disabled: true },
  };
}

/**
 * The stores install (release `oneuptime-stores`): the chart's single-node ClickHouse and Redis, passwords from
 * ExternalSecrets, and no OneUptime service (`deployment.disableDeployments` gates every Deployment, the
 * probes and the migration Job: `app.yaml:1`, `nginx.yaml:1`, `probe.yaml:1`, `runner.yaml:1`,
 * `migrate-job.yaml:1`; ClickHouse and Redis read only their own `enabled`).
 */
export function storesValues(context: BuildContext<OneuptimeConfig>) {
  const { config, environment } = context;
  const mirror = environment.settings.imageRegistryMirror;
  const common = commonValues(context);
  return {
    ...common,
    deployment: { disableDeployments: true, includeTimestampLabel: false },
    clickhouse: {
      enabled: true,
      image: { repository: mirroredImage(CLICKHOUSE_IMAGE.repository, mirror), tag: CLICKHOUSE_IMAGE.tag },
      auth: { existingSecret: { name: SECRETS.clickhouse.name, passwordKey: SECRETS.clickhouse.key } },
      persistence: {
        enabled: true,
        size: config.clickhouse.storageSize,
        ...(config.clickhouse.storageClassName ? { storageClass: config.clickhouse.storageClassName } : {}),
      },
      resources: config.clickhouse.resources,
    },
    redis: {
      enabled: true,
      image: { repository: mirroredImage(REDIS_IMAGE.repository, mirror), tag: REDIS_IMAGE.tag },
      auth: { existingSecret: { name: SECRETS.redis.name, passwordKey: SECRETS.redis.key } },
      master: { resources: config.redis.resources },
    },
  };
}

/** The ClickHouse user and database of the chart's built-in ClickHouse (values.yaml `clickhouse.auth.username`; `_helpers.tpl:474-478, 539`). */
const CLICKHOUSE_USER = 'oneuptime';
const CLICKHOUSE_DATABASE = 'oneuptime';
/** The cluster the built-in ClickHouse's configuration defines (values.yaml `clickhouse.configuration` `<remote_servers><oneuptime>`). */
const CLICKHOUSE_CLUSTER = 'oneuptime';

/**
 * Where the OneUptime services of a release find their stores: the environment's Postgres (`externalPostgres`,
 * password from the endpoint's Secret) and the stores install's ClickHouse and Redis (`externalClickhouse`,
 * `externalRedis`, at `<stores release>-clickhouse:8123` and `<stores release>-redis-master:6379`,
 * `clickhouse-service.yaml:6`, `redis-service.yaml:5`).
 */
function storeConnections(context: BuildContext<OneuptimeConfig>) {
  const { config, environment, namespace } = context;
  const postgres = oneuptimePostgres(context);
  const stores = config.parts.stores;
  return {
    externalPostgres: {
      host: postgres.host,
      port: postgres.port,
      username: postgres.user,
      database: postgres.database,
      existingSecret: { name: postgres.credentials.secret, passwordKey: postgres.credentials.passwordKey },
    },
    clickhouse: { enabled: false },
    externalClickhouse: {
      host: serviceHost(`${stores}-clickhouse`, namespace, environment.settings),
      port: PORTS.clickhouseHttp,
      isHostHttps: false,
      username: CLICKHOUSE_USER,
      database: CLICKHOUSE_DATABASE,
      clusterName: CLICKHOUSE_CLUSTER,
      existingSecret: { name: SECRETS.clickhouse.name, passwordKey: SECRETS.clickhouse.key },
    },
    redis: { enabled: false },
    externalRedis: {
      host: serviceHost(`${stores}-redis-master`, namespace, environment.settings),
      port: PORTS.redis,
      existingSecret: { name: SECRETS.redis.name, passwordKey: SECRETS.redis.key },
    },
  };
}

/**
 * The migrations install (release `oneuptime-migrate`): only the chart's migration Job (`migrate-job.yaml`), on
 * the stores, with every service off one by one (`deployment.disableDeployments` would gate the Job too,
 * `migrate-job.yaml:1`). Its own Application between the stores and the services, so the schema exists before
 * any service starts: the chart warns that services started against an un-migrated database stay unready or
 * crash-loop (`migrate-job.yaml:3-8`). Not a Helm hook (`migrate.hook: false`): a `post-install` hook becomes an
 * Argo CD PostSync hook, which would wait for the services it is meant to precede.
 */
export function migrateValues(context: BuildContext<OneuptimeConfig>) {
  const off = { enabled: false };
  return {
    ...commonValues(context),
    deployment: { includeTimestampLabel: false },
    ...storeConnections(context),
    app: off,
    worker: off,
    telemetryWriter: off,
    runner: off,
    nginx: { ...off, service: { type: 'ClusterIP' } },
    probes: { one: off },
    home: off,
    testServer: off,
    vllm: off,
    migrate: { enabled: true, hook: false },
  };
}

/** The application install (release `oneuptime`): every OneUptime service, on the stores, without the migrations. */
export function applicationValues(context: BuildContext<OneuptimeConfig>) {
  const { config, environment } = context;
  const host = config.host ?? `oneuptime.${environment.settings.baseDomain}`;
  return {
    ...commonValues(context),
    host,
    httpProtocol: 'https',
    deployment: { includeTimestampLabel: false },
    ...storeConnections(context),
    app: service(config.app.replicas, config.app.resources, true),
    worker: service(config.worker.replicas, config.worker.resources, true, config.worker.enabled),
    telemetryWriter: service(
      config.telemetryWriter.replicas,
      config.telemetryWriter.resources,
      true,
      config.telemetryWriter.enabled,
    ),
    runner: service(config.runner.replicas, config.runner.resources, true),
    // The chart's probe capabilities without NET_RAW, which Pod Security baseline forbids
    // (values.yaml `probeContainerSecurityContext` adds CHOWN, DAC_OVERRIDE, KILL, NET_RAW, SETGID, SETUID).
    probeContainerSecurityContext: PROBE_CONTAINER,
    probes: {
      one: { ...service(config.probe.replicas, config.probe.resources, false), name: 'Probe', description: 'Probe' },
    },
    // nginx binds 80/443 as root in the nginx:alpine image (Nginx/Dockerfile.tpl:9).
    nginx: { ...service(config.nginx.replicas, config.nginx.resources, false), service: { type: 'ClusterIP' } },
    home: { enabled: false },
    testServer: { enabled: false },
    vllm: { enabled: false },
    migrate: { enabled: false },
  };
}

export type OneuptimeMigrateValues = ReturnType<typeof migrateValues>;
export type OneuptimeValues = ReturnType<typeof applicationValues>;
export type OneuptimeStoresValues = ReturnType<typeof storesValues>;
