import { applyPatch, type BuildContext, mirroredImage, type Patch } from '@platform/core';
import { OPERATOR_IMAGE_REPOSITORY, OPERATOR_POD_LABELS } from './chart.js';
import type { CloudnativePgConfig, ResourceRequirements } from './config.js';

/**
 * The subset of the cloudnative-pg 0.29.0 chart values this package sets (chart `values.yaml`). Security contexts
 * are the chart's: non-root, `RuntimeDefault` seccomp, no privilege escalation, every capability dropped and a
 * read-only root file system, which satisfy Pod Security "restricted".
 */
export interface CloudnativePgValues {
  replicaCount: number;
  /** The operator image through the registry mirror; the tag stays the chart's appVersion. Set only with a mirror. */
  image?: { repository: string };
  /** The CRDs are part of the release, so they upgrade with the operator. */
  crds: { create: boolean };
  /** Watch every namespace, so a cluster can live next to the component that uses it. */
  config: { clusterWide: boolean; maxConcurrentReconciles: number };
  resources: ResourceRequirements;
  /** Spread replicas over nodes and zones (the chart has no default spread). */
  topologySpreadConstraints: Array<{
    maxSkew: number;
    topologyKey: string;
    whenUnsatisfiable: 'ScheduleAnyway';
    labelSelector: { matchLabels: Record<string, string> };
  }>;
  /** The operator's own PodMonitor; the Grafana dashboard ConfigMap stays off (dashboards come as code). */
  monitoring: { podMonitorEnabled: boolean; grafanaDashboard: { create: boolean } };
}

/** The chart values of an operator instance, with `extraValues` deep-merged last. */
export function chartValues({ config, environment }: BuildContext<CloudnativePgConfig>): CloudnativePgValues {
  const mirror = environment.settings.imageRegistryMirror;
  const values: CloudnativePgValues = {
    replicaCount: config.replicas,
    ...(mirror ? { image: { repository: mirroredImage(OPERATOR_IMAGE_REPOSITORY, mirror) } } : {}),
    crds: { create: true },
    config: { clusterWide: true, maxConcurrentReconciles: config.maxConcurrentReconciles },
    resources: config.resources,
    topologySpreadConstraints: ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'].map((topologyKey) => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: 'ScheduleAnyway' as const,
      labelSelector: { matchLabels: { ...OPERATOR_POD_LABELS } },
    })),
    monitoring: {
      podMonitorEnabled: environment.settings.serviceMonitors,
      grafanaDashboard: { create: false },
    },
  };
  return applyPatch<CloudnativePgValues>(values, config.extraValues as Patch<CloudnativePgValues>);
}
