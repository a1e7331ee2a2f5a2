import { applyPatch, type BuildContext, mirroredImage, type Patch } from '@platform/core';
import { IMAGE_REPOSITORY } from './chart.js';
import type { ExternalSecretsConfig, ResourceRequirements } from './config.js';

/** A PodDisruptionBudget of one part (chart keys `podDisruptionBudget.*`). */
interface PdbValues {
  /** Render the PodDisruptionBudget. */
  enabled: boolean;
  /** Evict at most this many pods at once; has precedence over the chart's default `minAvailable: 1`. */
  maxUnavailable?: number;
}

/** The values of the webhook and the cert-controller this package sets. */
interface PartValues {
  /** Number of pods. */
  replicaCount: number;
  podDisruptionBudget: PdbValues;
  /** Container resources. */
  resources: ResourceRequirements;
}

/** A probe switch of the controller (chart keys `livenessProbe.enabled`, `readinessProbe.enabled`). */
interface ProbeSwitch {
  enabled: boolean;
}

/**
 * The subset of the external-secrets 2.9.0 chart values this package sets (chart `values.yaml`). Security
 * contexts are left to the chart: its defaults for all three parts (runAsNonRoot with uid 1000,
 * RuntimeDefault seccomp, no privilege escalation, all capabilities dropped, read-only root file system)
 * satisfy Pod Security "restricted".
 */
export interface ExternalSecretsValues {
  /** Install the CRDs with the release so Argo CD upgrades them with it. */
  installCRDs: boolean;
  /** Image repository of every part (`<mirror>/ghcr.io/external-secrets/external-secrets`). Set only with a mirror. */
  global?: { repository: string };
  /**
   * Leader election for the controller and the cert-controller. Always on: even a single replica overlaps with
   * its successor during a rolling update, and two controllers writing the same Secrets fight.
   */
  leaderElect: boolean;
  /** Controller replicas. */
  replicaCount: number;
  /** Controller PodDisruptionBudget. */
  podDisruptionBudget: PdbValues;
  /** Controller resources. */
  resources: ResourceRequirements;
  /** The controller's health endpoints (`/healthz`, `/readyz` on port `live`, 8082); off in the chart. */
  livenessProbe: ProbeSwitch;
  readinessProbe: ProbeSwitch;
  /**
   * ServiceMonitors (and the metrics Services they need) for controller, webhook and cert-controller when the
   * environment renders ServiceMonitors. `alwaysRender`: the environment asserts the CRD exists, so a chart
   * render that cannot see it must not silently drop monitoring.
   */
  serviceMonitor: { enabled: boolean; renderMode: 'alwaysRender' | 'skipIfMissing' | 'failIfMissing' };
  webhook: PartValues;
  certController: PartValues;
}

function pdb(enabled: boolean): PdbValues {
  return enabled ? { enabled: true, maxUnavailable: 1 } : { enabled: false };
}

/** The chart values for an External Secrets Operator instance, with `extraValues` deep-merged last. */
export function chartValues({ config, environment }: BuildContext<ExternalSecretsConfig>): ExternalSecretsValues {
  const mirror = environment.settings.imageRegistryMirror;
  const values: ExternalSecretsValues = {
    installCRDs: true,
    ...(mirror ? { global: { repository: mirroredImage(IMAGE_REPOSITORY, mirror) } } : {}),
    leaderElect: true,
    replicaCount: config.replicas.controller,
    podDisruptionBudget: pdb(config.podDisruptionBudget),
    resources: config.resources.controller,
    livenessProbe: { enabled: true },
    readinessProbe: { enabled: true },
    serviceMonitor: { enabled: environment.settings.serviceMonitors, renderMode: 'alwaysRender' },
    webhook: {
      replicaCount: config.replicas.webhook,
      podDisruptionBudget: pdb(config.podDisruptionBudget),
      resources: config.resources.webhook,
    },
    certController: {
      replicaCount: config.replicas.certController,
      podDisruptionBudget: pdb(config.podDisruptionBudget),
      resources: config.resources.certController,
    },
  };
  return applyPatch<ExternalSecretsValues>(values, config.extraValues as Patch<ExternalSecretsValues>);
}
