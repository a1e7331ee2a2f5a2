import {
  applyPatch,
  type BuildContext,
  type IEnvVar,
  mirroredImage,
  type Patch,
  type PostgresEndpoint,
  type RedisEndpoint,
  type ResourceRequirements,
  routeHost,
  s3CredentialsEnv,
} from '@platform/core';
import type { HarborConfig, PartConfig } from './config.js';
import { redisEnv, redisValues } from './redis.js';
import { HARBOR_SECRET, S3_SECRET } from './secrets.js';
import { TOKEN_SECRET } from './token-certificate.js';

/** Harbor's images, all `docker.io/goharbor/*:v2.15.1` (chart values.yaml), by values key. */
const IMAGES = {
  nginx: 'docker.io/goharbor/nginx-photon',
  portal: 'docker.io/goharbor/harbor-portal',
  core: 'docker.io/goharbor/harbor-core',
  jobservice: 'docker.io/goharbor/harbor-jobservice',
  registry: 'docker.io/goharbor/registry-photon',
  registryctl: 'docker.io/goharbor/harbor-registryctl',
  trivy: 'docker.io/goharbor/trivy-adapter-photon',
  exporter: 'docker.io/goharbor/harbor-exporter',
} as const;
const TAG = 'v2.15.1';

/** Resources of the registry controller sidecar, which only serves garbage collection requests. */
const REGISTRYCTL: ResourceRequirements = { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '128Mi' } };

type Image = { repository: string; tag: string };

/** Replicas, and from two replicas on a PodDisruptionBudget and spread over nodes. */
function replication(part: PartConfig) {
  const replicated = part.replicas > 1;
  return {
    replicas: part.replicas,
    podDisruptionBudget: replicated ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
    // The chart adds the part's own labelSelector to each constraint (e.g. core-dpl.yaml:51-60).
    ...(replicated
      ? {
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' },
          ],
        }
      : {}),
  };
}

/** The values of one part with a single container: its image, resources, replication and extra variables. */
function partValues(part: PartConfig, image: Image, env: IEnvVar[] = []) {
  return { image, resources: part.resources, ...replication(part), ...(env.length > 0 ? { extraEnvVars: env } : {}) };
}

/** Postgres `sslmode` and, for `verify-full`, the CA bundle the chart installs in every part's trust store. */
function databaseTls(database: PostgresEndpoint): { sslmode: string; caBundleSecretName?: string } {
  if (database.tls.mode !== 'verify-full' || !database.tls.caSecret) return { sslmode: database.tls.mode };
  return { sslmode: 'verify-full', caBundleSecretName: database.tls.caSecret.name };
}

/** The harbor 1.19.1 chart values for an instance (chart `values.yaml`), with `extraValues` deep-merged last. */
export function chartValues(
  context: BuildContext<HarborConfig>,
  endpoints: { database: PostgresEndpoint; redis: RedisEndpoint },
): Record<string, unknown> {
  const { config, environment } = context;
  const { settings } = environment;
  const { database, redis } = endpoints;
  const host = routeHost({ host: config.host }, settings.baseDomain);
  // Harbor never pulls its own images through a mirror it serves itself: the first sync would wait for ever.
  const mirror =
    settings.imageRegistryMirror && !settings.imageRegistryMirror.startsWith(host)
      ? settings.imageRegistryMirror
      : undefined;
  const image = (key: keyof typeof IMAGES): Image => ({ repository: mirroredImage(IMAGES[key], mirror), tag: TAG });
  const storage = settings.objectStorage;
  const aws = /(^|\.)amazonaws\.com(:\d+)?$/.test(storage.endpoint);
  const s3Env = config.storage.credentialsKey === undefined ? s3CredentialsEnv(storage) : [];
  const env = redisEnv(redis);
  const tls = databaseTls(database);
  const values = {
    // TLS ends at the platform's edge (the route below); the chart serves plain HTTP behind it.
    expose: { type: 'clusterIP', tls: { enabled: false } },
    externalURL: `https://${host}`,
    ...(tls.caBundleSecretName ? { caBundleSecretName: tls.caBundleSecretName } : {}),
    existingSecretAdminPassword: HARBOR_SECRET,
    existingSecretAdminPasswordKey: 'HARBOR_ADMIN_PASSWORD',
    existingSecretSecretKey: HARBOR_SECRET,
    persistence: {
      enabled: true,
      imageChartStorage: {
        type: 's3',
        s3: {
          region: storage.region,
          bucket: config.storage.bucket ?? `${storage.bucketPrefix}-harbor`,
          ...(aws ? {} : { regionendpoint: `${storage.insecure ? 'http' : 'https'}://${storage.endpoint}` }),
          ...(storage.insecure ? {} : { secure: true }),
          v4auth: true,
          ...(config.storage.credentialsKey !== undefined ? { existingSecret: S3_SECRET } : {}),
        },
      },
    },
    database: {
      type: 'external',
      external: {
        host: database.host,
        port: String(database.port),
        username: database.user,
        coreDatabase: database.database,
        existingSecret: database.credentials.secret,
        sslmode: tls.sslmode,
      },
    },
    redis: redisValues(redis),
    core: {
      ...partValues(config.core, image('core'), env.core),
      existingSecret: HARBOR_SECRET,
      existingXsrfSecret: HARBOR_SECRET,
      existingXsrfSecretKey: 'CSRF_KEY',
      secretName: TOKEN_SECRET,
    },
    portal: partValues(config.portal, image('portal')),
    nginx: partValues(config.nginx, image('nginx')),
    // Job logs in the database, so the job service needs no volume.
    jobservice: {
      ...partValues(config.jobservice, image('jobservice'), env.jobservice),
      existingSecret: HARBOR_SECRET,
      existingSecretKey: 'JOBSERVICE_SECRET',
      jobLoggers: ['database'],
    },
    registry: {
      ...replication(config.registry),
      registry: {
        image: image('registry'),
        resources: config.registry.resources,
        extraEnvVars: [...env.registry, ...s3Env],
      },
      controller: { image: image('registryctl'), resources: REGISTRYCTL },
      existingSecret: HARBOR_SECRET,
      existingSecretKey: 'REGISTRY_HTTP_SECRET',
      credentials: { existingSecret: HARBOR_SECRET },
    },
    trivy: { enabled: config.trivy.enabled, image: image('trivy'), resources: config.trivy.resources },
    exporter: partValues(config.exporter, image('exporter'), env.exporter),
    metrics: { enabled: true, serviceMonitor: { enabled: settings.serviceMonitors } },
  };
  return applyPatch<Record<string, unknown>>(values, config.extraValues as Patch<Record<string, unknown>>);
}
