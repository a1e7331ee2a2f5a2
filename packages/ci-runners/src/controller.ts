import {
  type BuildContext,
  type DeepPartial,
  defineComponent,
  mirroredImage,
  type NetworkAccess,
  type SyncSettings,
} from '@platform/core';
import { CONTROLLER_CHART, CONTROLLER_IMAGE, CONTROLLER_NAME, CONTROLLER_USER } from './chart.js';
import { type ArcControllerConfig, controllerDefaults } from './config.js';
import { ARC_KINDS } from './kinds.js';
import { RESTRICTED_CONTAINER, restrictedPod } from './restricted.js';

/** The controller chart's values: pinned image through the mirror, restricted, named `arc-controller`. */
function controllerValues({ config, environment }: BuildContext<ArcControllerConfig>) {
  return {
    fullnameOverride: CONTROLLER_NAME,
    serviceAccount: { create: true, name: CONTROLLER_NAME },
    replicaCount: config.replicas,
    image: {
      repository: mirroredImage(CONTROLLER_IMAGE.repository, environment.settings.imageRegistryMirror),
      tag: CONTROLLER_IMAGE.tag,
      pullPolicy: 'IfNotPresent',
    },
    resources: config.resources,
    podSecurityContext: restrictedPod(CONTROLLER_USER),
    securityContext: { ...RESTRICTED_CONTAINER, readOnlyRootFilesystem: true },
    flags: { logLevel: config.logLevel, logFormat: 'json' },
  };
}

/**
 * The controller and the listener pods it creates in its namespace talk to the API server and to GitHub's API
 * and its long-poll message queue (HTTPS, hosts that are not fixed addresses).
 */
function controllerNetwork(): NetworkAccess {
  return {
    egress: [
      { name: 'api-server', to: 'apiServer' },
      { name: 'github', to: 'any', ports: [443] },
    ],
  };
}

/**
 * Server-side: the chart ships its four CRDs in `crds/`, 0.6–1.2 MB each, far beyond the 256 KiB annotation a
 * client-side apply writes.
 */
function controllerSync(): SyncSettings {
  return { serverSideApply: true };
}

/** Namespace of the controller and the listeners it creates; `runnerScaleSet`'s `controller.namespace` default. */
export const CONTROLLER_NAMESPACE = 'arc-systems';

/**
 * GitHub's Actions Runner Controller (tier `operators`, namespace `arc-systems`): chart
 * gha-runner-scale-set-controller 0.14.2, its actions.github.com CRDs and the controller Deployment; registers the
 * ARC kinds. Runner scale sets are `runnerScaleSet()` components.
 */
const arcControllerComponent = defineComponent({
  name: CONTROLLER_NAME,
  tier: 'operators',
  defaults: controllerDefaults,
  check: (config, checks) => {
    checks.integer('replicas', config.replicas, { min: 1 });
    checks.resources('resources', config.resources);
    checks.require(
      ['debug', 'info', 'warn', 'error'].includes(config.logLevel),
      'logLevel',
      `expected "debug", "info", "warn" or "error", got ${JSON.stringify(config.logLevel)}`,
    );
  },
  build: () => ({}),
  helm: (context) => ({
    ...CONTROLLER_CHART,
    releaseName: CONTROLLER_NAME,
    values: controllerValues(context),
    // The controller Deployment (`deployment.yaml`, named by fullnameOverride, `replicas: replicaCount`).
    firstSync: [{ workload: `Deployment/${CONTROLLER_NAME}`, pods: context.config.replicas, wave: 0 }],
  }),
  network: controllerNetwork,
  sync: controllerSync,
  kinds: ARC_KINDS,
});

/** The controller in `arc-systems`, where runner scale sets look for it by default. */
export function arcController(config?: DeepPartial<ArcControllerConfig>): ReturnType<typeof arcControllerComponent> {
  return arcControllerComponent(config).inNamespace(CONTROLLER_NAMESPACE);
}
