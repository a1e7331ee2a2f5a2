import { applyPatch, type BuildContext, type ITopologySpreadConstraint, type Patch } from '@platform/core';
import { type CONTROLLERS, controllerPods, IMAGES } from './chart.js';
import type { KyvernoConfig, ResourceRequirements } from './config.js';

/** An image of the chart: only its registry is set, and only to pull through a mirror. */
interface ImageValues {
  registry: string;
}

/** What this package sets on each of the four controllers. */
interface ControllerValues {
  replicas: number;
  /** The chart renders `minAvailable` unless `maxUnavailable` is set, and fails when both are (`_pdb.tpl`). */
  podDisruptionBudget: { enabled: boolean; minAvailable: number };
  /** Zone spread; the chart's default preferred anti-affinity already spreads over nodes. */
  topologySpreadConstraints: ITopologySpreadConstraint[];
  /** A ServiceMonitor on the controller's metrics Service (`metrics-port`, 8000). */
  serviceMonitor: { enabled: boolean };
}

/**
 * The subset of the kyverno 3.9.0 chart values this package sets (chart `values.yaml`). Security contexts are the
 * chart's: every container and hook runs as 65534, non-root, with RuntimeDefault seccomp, no privilege
 * escalation, all capabilities dropped and a read-only root file system, which satisfies Pod Security "restricted".
 */
export interface KyvernoValues {
  admissionController: ControllerValues & {
    container: { resources: ResourceRequirements; image?: ImageValues };
    initContainer?: { image: ImageValues };
  };
  backgroundController: ControllerValues & { resources: ResourceRequirements; image?: ImageValues };
  cleanupController: ControllerValues & { resources: ResourceRequirements; image?: ImageValues };
  reportsController: ControllerValues & { resources: ResourceRequirements; image?: ImageValues };
  /** The CRD migration hook (a PostSync Job under Argo CD) pulls kyverno-cli. */
  crds?: { migration: { image: ImageValues } };
  /** The pre-delete hook that removes Kyverno's webhooks (Argo CD runs it as PreDelete). */
  webhooksCleanup?: { image: ImageValues };
  /** Helm test pods; Argo CD never runs them, but their image is rewritten with the others. */
  test?: { image: ImageValues };
}

/** The registry value that makes the chart pull `<registry>/<repository>` as `<mirror>/<registry>/<repository>`. */
function mirrorImage(image: string, mirror: string): ImageValues {
  return { registry: `${mirror.replace(/\/+$/, '')}/${image.split('/')[0]}` };
}

function mirrored(image: string, mirror: string | undefined): { image?: ImageValues } {
  return mirror ? { image: mirrorImage(image, mirror) } : {};
}

function controller(
  context: BuildContext<KyvernoConfig>,
  name: keyof typeof CONTROLLERS,
  replicas: number,
): ControllerValues {
  return {
    replicas,
    podDisruptionBudget: { enabled: replicas > 1, minAvailable: Math.max(1, replicas - 1) },
    topologySpreadConstraints:
      replicas > 1
        ? [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: controllerPods(name) },
            },
          ]
        : [],
    serviceMonitor: { enabled: context.environment.settings.serviceMonitors },
  };
}

/** The chart values of a Kyverno instance, with `extraValues` deep-merged last. */
export function chartValues(context: BuildContext<KyvernoConfig>): KyvernoValues {
  const { config } = context;
  const mirror = context.environment.settings.imageRegistryMirror;
  const values: KyvernoValues = {
    admissionController: {
      ...controller(context, 'admission', config.replicas.admission),
      container: { resources: config.resources.admission, ...mirrored(IMAGES.admission, mirror) },
      ...(mirror ? { initContainer: { image: mirrorImage(IMAGES.admissionInit, mirror) } } : {}),
    },
    backgroundController: {
      ...controller(context, 'background', config.replicas.background),
      resources: config.resources.background,
      ...mirrored(IMAGES.background, mirror),
    },
    cleanupController: {
      ...controller(context, 'cleanup', config.replicas.cleanup),
      resources: config.resources.cleanup,
      ...mirrored(IMAGES.cleanup, mirror),
    },
    reportsController: {
      ...controller(context, 'reports', config.replicas.reports),
      resources: config.resources.reports,
      ...mirrored(IMAGES.reports, mirror),
    },
    ...(mirror
      ? {
          crds: { migration: { image: mirrorImage(IMAGES.cli, mirror) } },
          webhooksCleanup: { image: mirrorImage(IMAGES.readinessChecker, mirror) },
          test: { image: mirrorImage(IMAGES.readinessChecker, mirror) },
        }
      : {}),
  };
  return applyPatch<KyvernoValues>(values, config.extraValues as Patch<KyvernoValues>);
}
