import { type BuildContext, type IStorageClass, standardLabels } from '@platform/core';
import { PROVISIONER } from './chart.js';
import type { LonghornConfig, StorageClassSettings } from './config.js';

/** Every StorageClass of the configuration, by name: the default one first, then the extra ones over its settings. */
export function storageClassSettings(
  config: LonghornConfig,
): Array<{ name: string; settings: StorageClassSettings; isDefault: boolean }> {
  const { name, ...main } = config.storageClass;
  return [
    { name, settings: main, isDefault: true },
    ...Object.entries(config.extraStorageClasses).map(([extra, settings]) => ({
      name: extra,
      settings: { ...main, ...settings },
      isDefault: false,
    })),
  ];
}

/**
 * One StorageClass. Parameter keys as longhorn-manager v1.12.1 reads them (csi/util.go: `numberOfReplicas`
 * :162, `dataLocality` :194, `staleReplicaTimeout` :100, `recurringJobSelector` :265) and the external
 * provisioner's `fsType`. StorageClass parameters are immutable: changing one means deleting the class (the
 * volumes stay) and syncing again.
 */
function storageClass(
  component: string,
  name: string,
  settings: StorageClassSettings,
  isDefault: boolean,
): IStorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      labels: standardLabels(component, 'storage-class'),
      annotations: { 'storageclass.kubernetes.io/is-default-class': String(isDefault) },
    },
    provisioner: PROVISIONER,
    allowVolumeExpansion: true,
    reclaimPolicy: settings.reclaimPolicy,
    volumeBindingMode: settings.volumeBindingMode,
    parameters: {
      numberOfReplicas: String(settings.replicas),
      dataLocality: settings.dataLocality,
      staleReplicaTimeout: String(settings.staleReplicaTimeoutMinutes),
      fsType: settings.fsType,
      recurringJobSelector: JSON.stringify(
        settings.recurringJobGroups.map((group) => ({ name: group, isGroup: true })),
      ),
    },
  };
}

/** The StorageClasses, named `<name>_storageclass` with `-` as `_` (`longhorn_storageclass`). */
export function storageClasses({ name, config }: BuildContext<LonghornConfig>): Record<string, IStorageClass> {
  return Object.fromEntries(
    storageClassSettings(config).map(({ name: className, settings, isDefault }) => [
      `${className.replace(/-/g, '_')}_storageclass`,
      storageClass(name, className, settings, isDefault),
    ]),
  );
}
