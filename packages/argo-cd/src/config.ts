import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** Configuration of `@platform/argo-cd`. */
export interface ArgoCdConfig {
  /** Host name of the UI and API (`global.domain`). Default `argocd.<baseDomain>`. */
  domain?: string;
  /**
   * High availability: Redis through redis-ha (3 Redis with Sentinel, 3 HAProxy; needs 3 nodes) and, unless set
   * in `replicas`, 2 replicas of server, repo-server and ApplicationSet controller. Default false (use it in prod).
   */
  highAvailability: boolean;
  /**
   * Replicas. `controller` above 1 shards clusters over controllers. `server`, `repoServer` and `applicationSet`
   * default to 1, or 2 with `highAvailability`.
   */
  replicas: { controller: number; server?: number; repoServer?: number; applicationSet?: number };
  /** Resources of every container Argo CD runs. Defaults are sized for about a hundred Applications. */
  resources: {
    controller: ResourceRequirements;
    server: ResourceRequirements;
    repoServer: ResourceRequirements;
    applicationSet: ResourceRequirements;
    notifications: ResourceRequirements;
    dex: ResourceRequirements;
    redis: ResourceRequirements;
    /** The pre-sync Job that creates the Redis password Secret. */
    redisSecretInit: ResourceRequirements;
    /** redis-ha containers (with `highAvailability`): Redis, Sentinel, HAProxy, the split-brain sidecar and the init containers. */
    redisHa: {
      redis: ResourceRequirements;
      sentinel: ResourceRequirements;
      haproxy: ResourceRequirements;
      splitBrain: ResourceRequirements;
      init: ResourceRequirements;
    };
  };
  /** Run Dex (bundled SSO broker). Off: configure `oidc.config` in `configs.cm` instead, or use the admin user. Default false. */
  dex: boolean;
  /** Run the notifications controller. Default true. */
  notifications: boolean;
  /** Metrics Services for every Argo CD component, with ServiceMonitors when the environment renders them. Default true. */
  metrics: boolean;
  /** Ports Argo CD may reach anywhere: git and Helm/OCI repositories, SSO, notification services. Default 443 and 22 (git over SSH). */
  egressPorts: number[];
  /** Extra entries of Argo CD's ConfigMaps. */
  configs: {
    /** `argocd-cm` entries (SSO, RBAC scopes, resource customizations ...). Default none. */
    cm: Record<string, string>;
    /** `argocd-cmd-params-cm` entries (component flags). Default none. */
    params: Record<string, string>;
  };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

const small = (cpu: string, memory: string, limit: string): ResourceRequirements => ({
  requests: { cpu, memory },
  limits: { cpu: undefined, memory: limit },
});

export const defaults: ArgoCdConfig = {
  domain: undefined,
  highAvailability: false,
  replicas: { controller: 1, server: undefined, repoServer: undefined, applicationSet: undefined },
  resources: {
    controller: small('250m', '1Gi', '2Gi'),
    server: small('50m', '128Mi', '512Mi'),
    repoServer: small('100m', '256Mi', '1Gi'),
    applicationSet: small('50m', '128Mi', '512Mi'),
    notifications: small('20m', '64Mi', '256Mi'),
    dex: small('10m', '64Mi', '256Mi'),
    redis: small('50m', '128Mi', '512Mi'),
    redisSecretInit: small('10m', '32Mi', '64Mi'),
    redisHa: {
      redis: small('50m', '128Mi', '512Mi'),
      sentinel: small('10m', '32Mi', '64Mi'),
      haproxy: small('20m', '64Mi', '256Mi'),
      splitBrain: small('10m', '32Mi', '64Mi'),
      init: small('10m', '32Mi', '64Mi'),
    },
  },
  dex: false,
  notifications: true,
  metrics: true,
  egressPorts: [443, 22],
  configs: { cm: {}, params: {} },
  extraValues: {},
};
