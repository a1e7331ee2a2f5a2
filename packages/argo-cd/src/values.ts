import {
  APPLICATIONSET_HEALTH_KEY,
  APPLICATIONSET_HEALTH_LUA,
  applyPatch,
  type ComponentContext,
  mirroredImage,
  type Patch,
  PROGRESSIVE_SYNCS_PARAM,
} from '@platform/core';
import { IMAGE_REPOSITORIES } from './chart.js';
import type { ArgoCdConfig, ResourceRequirements } from './config.js';

/** argocd-cm entries the platform's delivery depends on; configuration cannot replace them. */
export const REQUIRED_CM: Record<string, string> = {
  // Sync waves of the root Application wait for each step's ApplicationSet to be healthy, i.e. for all of its
  // Applications to be healthy and synced (the built-in check only waits for them to exist).
  [APPLICATIONSET_HEALTH_KEY]: APPLICATIONSET_HEALTH_LUA,
};

/** argocd-cmd-params-cm entries the platform's delivery depends on; configuration cannot replace them. */
export const REQUIRED_PARAMS: Record<string, string> = {
  // Server-side diff: the diff SSA-applied objects (chart CRDs, webhook configurations) need.
  'controller.diff.server.side': 'true',
  // The ApplicationSet controller refreshes an ApplicationSet's status.resources (which the health check
  // reads) on a child's health or sync change only with this flag; without a RollingSync strategy it changes
  // nothing else (applicationset_controller.go at v3.4.4, see the README's delivery section).
  [PROGRESSIVE_SYNCS_PARAM]: 'true',
};

/** A PodDisruptionBudget of one component (chart keys `<component>.pdb.*`). */
interface PdbValues {
  enabled: boolean;
  /** Has precedence over minAvailable in the chart. */
  maxUnavailable?: number;
}

/** Metrics Service and ServiceMonitor of one component (chart keys `<component>.metrics.*`). */
interface MetricsValues {
  enabled: boolean;
  serviceMonitor: { enabled: boolean };
}

/** The values of one Argo CD Deployment or StatefulSet this package sets. */
interface ComponentValues {
  replicas: number;
  resources: ResourceRequirements;
  pdb: PdbValues;
  metrics: MetricsValues;
}

/**
 * The subset of the argo-cd chart (10.1.1) values this package sets. Security contexts are left to the chart:
 * every container it (and redis-ha) runs is restricted-compliant by default (non-root, RuntimeDefault seccomp,
 * no privilege escalation, all capabilities dropped).
 */
export interface ArgoCdValues {
  /** Install and upgrade the CRDs with the release (annotated for server-side apply by the chart); keep them on uninstall. */
  crds: { install: boolean; keep: boolean };
  global: {
    /** Host name of the UI and API. */
    domain: string;
    logging: { format: 'json' | 'text' };
    /** The chart's own NetworkPolicies are off: the platform renders the namespace's policies. */
    networkPolicy: { create: boolean };
    /** Argo CD image, set only behind a registry mirror. */
    image?: { repository: string };
  };
  configs: {
    /** argocd-cm. */
    cm: Record<string, string>;
    /** argocd-cmd-params-cm. */
    params: Record<string, string>;
  };
  controller: ComponentValues;
  server: ComponentValues;
  repoServer: ComponentValues;
  applicationSet: ComponentValues;
  notifications: { enabled: boolean; resources: ResourceRequirements; metrics: MetricsValues };
  dex: { enabled: boolean; resources: ResourceRequirements; metrics: MetricsValues; image?: { repository: string } };
  /** Single-pod Redis; the chart skips it when redis-ha is enabled. */
  redis: { resources: ResourceRequirements; image?: { repository: string } };
  'redis-ha': {
    enabled: boolean;
    redis: { resources: ResourceRequirements };
    sentinel: { resources: ResourceRequirements };
    haproxy: {
      resources: ResourceRequirements;
      init: { resources: ResourceRequirements };
      image?: { repository: string };
    };
    splitBrainDetection: { resources: ResourceRequirements };
    init: { resources: ResourceRequirements };
    image?: { repository: string };
  };
  redisSecretInit: { resources: ResourceRequirements };
}

/** Replicas of a component that defaults to 1, or 2 in high availability. */
function replicasOf(config: ArgoCdConfig, component: 'server' | 'repoServer' | 'applicationSet'): number {
  return config.replicas[component] ?? (config.highAvailability ? 2 : 1);
}

/** The chart values for Argo CD, with `extraValues` deep-merged last. */
export function chartValues({ config, environment }: ComponentContext<ArgoCdConfig>): ArgoCdValues {
  const { settings } = environment;
  const mirror = settings.imageRegistryMirror;
  const image = (repository: string) => (mirror ? { image: { repository: mirroredImage(repository, mirror) } } : {});
  const metrics: MetricsValues = {
    enabled: config.metrics,
    serviceMonitor: { enabled: config.metrics && settings.serviceMonitors },
  };
  const component = (replicas: number, resources: ResourceRequirements): ComponentValues => ({
    replicas,
    resources,
    pdb: replicas > 1 ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
    metrics,
  });

  const values: ArgoCdValues = {
    crds: { install: true, keep: true },
    global: {
      domain: config.domain ?? `argocd.${settings.baseDomain}`,
      logging: { format: 'json' },
      networkPolicy: { create: false },
      ...image(IMAGE_REPOSITORIES.argocd),
    },
    configs: {
      cm: { ...config.configs.cm, ...REQUIRED_CM },
      params: { ...config.configs.params, ...REQUIRED_PARAMS },
    },
    controller: component(config.replicas.controller, config.resources.controller),
    server: component(replicasOf(config, 'server'), config.resources.server),
    repoServer: component(replicasOf(config, 'repoServer'), config.resources.repoServer),
    applicationSet: component(replicasOf(config, 'applicationSet'), config.resources.applicationSet),
    notifications: { enabled: config.notifications, resources: config.resources.notifications, metrics },
    dex: { enabled: config.dex, resources: config.resources.dex, metrics, ...image(IMAGE_REPOSITORIES.dex) },
    redis: { resources: config.resources.redis, ...image(IMAGE_REPOSITORIES.redis) },
    'redis-ha': {
      enabled: config.highAvailability,
      redis: { resources: config.resources.redisHa.redis },
      sentinel: { resources: config.resources.redisHa.sentinel },
      haproxy: {
        resources: config.resources.redisHa.haproxy,
        init: { resources: config.resources.redisHa.init },
        ...image(IMAGE_REPOSITORIES.haproxy),
      },
      splitBrainDetection: { resources: config.resources.redisHa.splitBrain },
      init: { resources: config.resources.redisHa.init },
      ...image(IMAGE_REPOSITORIES.redis),
    },
    redisSecretInit: { resources: config.resources.redisSecretInit },
  };
  return applyPatch<ArgoCdValues>(values, config.extraValues as Patch<ArgoCdValues>);
}
