import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** Upstream registry kinds Harbor 2.15 may proxy (chart core-cm.yaml `PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE`), of those the platform needs. */
export type ProxyRegistryType = 'docker-hub' | 'github-ghcr' | 'docker-registry';

/** One proxy-cache project: pulls of `<harbor>/<project>/<repository>` are served from the cache, filled from `url`. */
export interface ProxyCacheProject {
  /** Project name: the upstream registry's host, so that `<harbor>/<host>/<repository>` is what the mirror rewrite produces. */
  project: string;
  /** Harbor's adapter for the upstream (Quay and registry.k8s.io are plain `docker-registry` endpoints). */
  type: ProxyRegistryType;
  /** Upstream URL. */
  url: string;
}

/** The pods of one Harbor part. */
export interface PartConfig {
  /** Replicas (a PodDisruptionBudget and spread over nodes from 2). */
  replicas: number;
  resources: ResourceRequirements;
}

/** Configuration of `@platform/harbor`. Every field has a documented default. */
export interface HarborConfig {
  /** Host Harbor is served at: a label under the environment's base domain, or a full host name. Default `harbor`. */
  host: string;
  /**
   * Path in the secret store of Harbor's own secrets, with the properties `admin-password`, `secret-key` (exactly
   * 16 characters), `core-secret`, `csrf-key` (32 characters), `jobservice-secret`, `registry-http-secret` and
   * `registry-password`. No default: every environment creates its own (README, "Bootstrap").
   */
  secretsKey: string;
  /** The `postgres` provider whose database Harbor uses, by component name. Default: the only one in the environment. */
  database: { component?: string };
  /** The `redis` provider Harbor uses as cache and job queue, by component name. Default: the only one in the environment. */
  redis: { component?: string };
  /** Image and chart storage on the environment's object storage. */
  storage: {
    /** Bucket. Default `<objectStorage.bucketPrefix>-harbor`. */
    bucket?: string;
    /**
     * Path in the secret store of the access key pair (properties `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`),
     * rendered as the Secret the registry reads. Default none: `settings.objectStorage.credentialsSecret` as
     * environment variables if set, else the pods' cloud identity.
     */
    credentialsKey?: string;
  };
  /**
   * Proxy-cache projects, configured through Harbor's API by a Job. Default the registries the platform's images
   * come from: docker.io, quay.io, ghcr.io, registry.k8s.io.
   */
  proxyCache: ProxyCacheProject[];
  /** Per part. Defaults: core, portal, registry, nginx 2 replicas; jobservice 2; exporter 1. */
  core: PartConfig;
  portal: PartConfig;
  registry: PartConfig;
  jobservice: PartConfig;
  nginx: PartConfig;
  exporter: PartConfig;
  /** The Trivy vulnerability scanner (StatefulSet with a cache volume; downloads its database from ghcr.io/mirror.gcr.io). Default on. */
  trivy: { enabled: boolean; resources: ResourceRequirements };
  /** The proxy-cache Job: its image (Python standard library only) and resources. Default `python:3.14.7-alpine3.24`. */
  configureJob: { image: string; resources: ResourceRequirements };
  /** Lifetime of the token-signing certificate (cert-manager; the key is kept across renewals). Default 2160h (90 days, cert-manager's default lifetime here), renewed 720h before. */
  tokenCertificate: { duration: string; renewBefore: string };
  /** Alerts (rendered when the environment renders ServiceMonitors). */
  alerts: { team: string; runbookUrl: string };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

const part = (replicas: number, cpu: string, memory: string, limit: string): PartConfig => ({
  replicas,
  resources: { requests: { cpu, memory }, limits: { cpu: undefined, memory: limit } },
});

export const defaults: HarborConfig = {
  host: 'harbor',
  secretsKey: '',
  database: { component: undefined },
  redis: { component: undefined },
  storage: { bucket: undefined, credentialsKey: undefined },
  proxyCache: [
    { project: 'docker.io', type: 'docker-hub', url: 'https://hub.docker.com' },
    { project: 'quay.io', type: 'docker-registry', url: 'https://quay.io' },
    { project: 'ghcr.io', type: 'github-ghcr', url: 'https://ghcr.io' },
    { project: 'registry.k8s.io', type: 'docker-registry', url: 'https://registry.k8s.io' },
  ],
  core: part(2, '100m', '256Mi', '1Gi'),
  portal: part(2, '10m', '32Mi', '128Mi'),
  registry: part(2, '100m', '256Mi', '2Gi'),
  jobservice: part(2, '50m', '128Mi', '512Mi'),
  nginx: part(2, '50m', '64Mi', '256Mi'),
  exporter: part(1, '20m', '64Mi', '256Mi'),
  trivy: {
    enabled: true,
    resources: { requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: undefined, memory: '1Gi' } },
  },
  configureJob: {
    image: 'docker.io/library/python:3.14.7-alpine3.24',
    resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: undefined, memory: '128Mi' } },
  },
  tokenCertificate: { duration: '2160h', renewBefore: '720h' },
  alerts: {
    team: 'platform',
    runbookUrl: 'https://git.example.com/platform/platform/-/blob/main/packages/harbor/README.md',
  },
  extraValues: {},
};
