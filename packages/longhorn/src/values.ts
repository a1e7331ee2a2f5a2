import { applyPatch, type BuildContext, type Patch } from '@platform/core';
import { backupTargetCredentialsSecret, backupTargetUrl } from './backup-target.js';
import { DEFAULT_IMAGE_REGISTRY } from './chart.js';
import type { LonghornConfig, ResourceRequirements } from './config.js';

/**
 * The subset of the longhorn 1.12.1 chart values this package sets (chart `values.yaml`). Longhorn's node agents
 * cannot run restricted (the manager is privileged and mounts the host's /dev, /proc and /var/lib/longhorn), so
 * security contexts are left to the chart; the namespace is privileged (see index.ts).
 */
export interface LonghornValues {
  /** Images through the environment's mirror (`<mirror>/docker.io`), set only with a mirror. */
  global?: { imageRegistry: string };
  /** StorageClasses are rendered by this package as typed objects, not by the chart's ConfigMap. */
  persistence: { createStorageClass: false };
  /** The pre-upgrade hook Job fails under Argo CD (Longhorn's Argo CD guide turns it off). */
  preUpgradeChecker: { jobEnabled: false };
  csi: {
    attacherReplicaCount: number;
    provisionerReplicaCount: number;
    resizerReplicaCount: number;
    snapshotterReplicaCount: number;
  };
  /** Longhorn settings (`longhorn-default-setting` ConfigMap, applied by the manager). */
  defaultSettings: {
    /** One value per data engine (chart helper `longhorn.multiTypeSetting` turns the map into the setting's JSON). */
    defaultReplicaCount: { v1: string; v2: string };
    defaultDataLocality: string;
    storageMinimalAvailablePercentage: number;
    /** No calls home: the upgrade checker and usage metrics reach longhorn-upgrade-responder.rancher.io. */
    upgradeChecker: false;
    allowCollectingLonghornUsageMetrics: false;
  };
  /** The default backup target (`longhorn-default-resource` ConfigMap). */
  defaultBackupStore?: { backupTarget: string; backupTargetCredentialSecret?: string; pollInterval: number };
  longhornManager: { resources: ResourceRequirements };
  /** UI replicas. Its PodDisruptionBudget is rendered by this package: chart 1.12.1 documents `longhornUI.podDisruptionBudget` in values.yaml, but no template reads it. */
  longhornUI: { replicas: number };
  /** The chart's ServiceMonitor on the manager's metrics port (when the environment renders ServiceMonitors). */
  metrics: { serviceMonitor: { enabled: boolean } };
}

/** The chart values for a Longhorn instance, with `extraValues` deep-merged last. */
export function chartValues(context: BuildContext<LonghornConfig>): LonghornValues {
  const { config, environment } = context;
  const mirror = environment.settings.imageRegistryMirror?.replace(/\/+$/, '');
  const { storageClass: main } = config;
  const credentialSecret = backupTargetCredentialsSecret(context);
  const values: LonghornValues = {
    ...(mirror ? { global: { imageRegistry: `${mirror}/${DEFAULT_IMAGE_REGISTRY}` } } : {}),
    persistence: { createStorageClass: false },
    preUpgradeChecker: { jobEnabled: false },
    csi: {
      attacherReplicaCount: config.csiReplicas,
      provisionerReplicaCount: config.csiReplicas,
      resizerReplicaCount: config.csiReplicas,
      snapshotterReplicaCount: config.csiReplicas,
    },
    defaultSettings: {
      defaultReplicaCount: { v1: String(main.replicas), v2: String(main.replicas) },
      defaultDataLocality: main.dataLocality,
      storageMinimalAvailablePercentage: config.storageMinimalAvailablePercentage,
      upgradeChecker: false,
      allowCollectingLonghornUsageMetrics: false,
    },
    ...(config.backupTarget.enabled
      ? {
          defaultBackupStore: {
            backupTarget: backupTargetUrl(context),
            ...(credentialSecret ? { backupTargetCredentialSecret: credentialSecret } : {}),
            pollInterval: config.backupTarget.pollIntervalSeconds,
          },
        }
      : {}),
    longhornManager: { resources: config.resources.manager },
    longhornUI: { replicas: config.uiReplicas },
    metrics: { serviceMonitor: { enabled: environment.settings.serviceMonitors } },
  };
  return applyPatch<LonghornValues>(values, config.extraValues as Patch<LonghornValues>);
}
