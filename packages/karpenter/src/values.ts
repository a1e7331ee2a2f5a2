import { applyPatch, type BuildContext, mirroredImage, type Patch } from '@platform/core';
import { CONTROLLER_IMAGE } from './chart.js';
import type { KarpenterConfig, ResourceRequirements } from './config.js';

/**
 * The subset of the karpenter v1.14.1 chart values this package sets (chart `values.yaml`). Security contexts
 * are the chart's: the container is non-root (65532), drops every capability, has no privilege escalation and
 * a read-only root file system (templates/deployment.yaml:63-73), the pod a `RuntimeDefault` seccomp profile
 * (values.yaml `podSecurityContext`): Pod Security "restricted". The chart's own scheduling (never on a node
 * Karpenter manages, one replica per node, spread over zones) is kept.
 */
export interface KarpenterValues {
  /** Controller settings (environment variables of the controller). */
  settings: { clusterName: string; interruptionQueue: string };
  /** IRSA: the controller role on the ServiceAccount. */
  serviceAccount: { annotations: Record<string, string> };
  replicas: number;
  logLevel: KarpenterConfig['logLevel'];
  controller: {
    resources: ResourceRequirements;
    /** Only behind a registry mirror; the chart's tag and digest stay. */
    image?: { repository: string };
  };
  /** The chart's ServiceMonitor for the controller's metrics (port `http-metrics`). */
  serviceMonitor: { enabled: boolean };
}

/** The chart values of a Karpenter instance, with `extraValues` deep-merged last. */
export function chartValues({ config, environment }: BuildContext<KarpenterConfig>): KarpenterValues {
  const mirror = environment.settings.imageRegistryMirror;
  const values: KarpenterValues = {
    settings: { clusterName: config.clusterName, interruptionQueue: config.interruptionQueue },
    serviceAccount: {
      annotations:
        config.controllerIdentity.mode === 'irsa'
          ? { 'eks.amazonaws.com/role-arn': config.controllerIdentity.roleArn }
          : {},
    },
    replicas: config.replicas,
    logLevel: config.logLevel,
    controller: {
      resources: config.resources,
      ...(mirror ? { image: { repository: mirroredImage(CONTROLLER_IMAGE, mirror) } } : {}),
    },
    serviceMonitor: { enabled: environment.settings.serviceMonitors },
  };
  return applyPatch<KarpenterValues>(values, config.extraValues as Patch<KarpenterValues>);
}
