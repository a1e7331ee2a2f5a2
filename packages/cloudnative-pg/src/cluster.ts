import { type EnvironmentView, mirroredImage, standardLabels } from '@platform/core';
import { barmanParameters } from './backup.js';
import type { ICluster } from './kinds.js';
import { CLUSTER_LABEL, storedOwnerSecret } from './names.js';
import { PLUGIN_NAME } from './plugin-chart.js';
import type { PostgresConfig } from './postgres-config.js';

/** Name of the external cluster a recovery reads from. */
const RECOVERY_SOURCE = 'origin';

/** The cluster's first bootstrap: a new database and owner, or a recovery from object storage. */
function bootstrap(cluster: string, config: PostgresConfig): ICluster['spec']['bootstrap'] {
  // An owner password from the store is our basic-auth Secret; without one the operator generates `<cluster>-app`.
  const secret = config.owner.password ? { secret: { name: storedOwnerSecret(cluster) } } : {};
  if (config.recovery) {
    return {
      recovery: {
        source: RECOVERY_SOURCE,
        database: config.database,
        owner: config.owner.name,
        ...secret,
        ...(config.recovery.targetTime ? { recoveryTarget: { targetTime: config.recovery.targetTime } } : {}),
      },
    };
  }
  return { initdb: { database: config.database, owner: config.owner.name, ...secret } };
}

/**
 * The `Cluster`: instances of the pinned operand image (through the registry mirror), data and WAL volumes,
 * resources, `postgresql.conf` parameters, the bootstrap, anti-affinity over `availability.topologyKey` plus a
 * zone spread, the operator's PodDisruptionBudgets, and WAL archiving through the Barman Cloud plugin when
 * backups are on (`isWALArchiver`). The superuser stays disabled: consumers use the owner role.
 */
export function clusterObject(
  cluster: string,
  namespace: string,
  component: string,
  config: PostgresConfig,
  environment: EnvironmentView,
): ICluster {
  const { availability, backup } = config;
  const archive = backup.enabled ? barmanParameters(cluster, config) : undefined;
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: cluster, namespace, labels: standardLabels(component, 'postgres') },
    spec: {
      instances: config.instances,
      imageName: mirroredImage(config.imageName, environment.settings.imageRegistryMirror),
      primaryUpdateStrategy: 'unsupervised',
      enableSuperuserAccess: false,
      // A single instance cannot switch over, so its PDB would block every drain (docs/src/kubernetes_upgrade.md).
      enablePDB: availability.podDisruptionBudget && config.instances > 1,
      storage: {
        size: config.storage.size,
        ...(config.storage.storageClassName ? { storageClass: config.storage.storageClassName } : {}),
      },
      ...(config.walStorage
        ? {
            walStorage: {
              size: config.walStorage.size,
              ...(config.walStorage.storageClassName ? { storageClass: config.walStorage.storageClassName } : {}),
            },
          }
        : {}),
      resources: config.resources,
      postgresql: { parameters: { ...config.parameters } },
      affinity: {
        enablePodAntiAffinity: true,
        podAntiAffinityType: availability.antiAffinity,
        topologyKey: availability.topologyKey,
      },
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: { [CLUSTER_LABEL]: cluster } },
        },
      ],
      bootstrap: bootstrap(cluster, config),
      ...(config.recovery
        ? {
            externalClusters: [
              {
                name: RECOVERY_SOURCE,
                plugin: {
                  name: PLUGIN_NAME,
                  parameters: { ...barmanParameters(cluster, config), serverName: config.recovery.serverName },
                },
              },
            ],
          }
        : {}),
      ...(archive ? { plugins: [{ name: PLUGIN_NAME, isWALArchiver: true, parameters: archive }] } : {}),
    },
  };
}
