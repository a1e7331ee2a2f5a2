import {
  applyPatch,
  type BuildContext,
  type IContainer,
  type IEnvVar,
  mirroredImage,
  type Patch,
  type ResourceRequirements,
  s3CredentialsEnv,
} from '@platform/core';
import { AWS_PLUGIN_IMAGE, VELERO_IMAGE, VELERO_USER } from './chart.js';
import type { VeleroConfig } from './config.js';
import { CREDENTIALS_SECRET } from './storage-location.js';

/** A container security context that satisfies Pod Security "restricted". */
const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
} as const;

/**
 * The subset of the velero 12.1.0 chart values this package sets (chart `values.yaml`). The server runs
 * restricted; the node agent cannot (it runs as root with the kubelet's pod directories mounted from the host,
 * to read every pod's volumes), which is why the namespace is privileged.
 */
export interface VeleroValues {
  image: { repository: string; tag: string };
  /** The AWS plugin, copied into the server's plugin directory before it starts. */
  initContainers: IContainer[];
  podSecurityContext: Record<string, unknown>;
  containerSecurityContext: typeof RESTRICTED_CONTAINER;
  resources: ResourceRequirements;
  /** Argo CD applies the chart's crds/ itself (server-side); the pre-install hook Job would need a kubectl image and CRD rights. */
  upgradeCRDs: false;
  /** No VolumeSnapshotLocation: volumes are backed up by the node agent (file-system backup). */
  snapshotsEnabled: false;
  deployNodeAgent: true;
  nodeAgent: {
    resources: ResourceRequirements;
    podSecurityContext: Record<string, unknown>;
    containerSecurityContext: { allowPrivilegeEscalation: false };
  };
  /** Credentials file from the Secret this package renders, or none (environment variables or pod identity). */
  credentials: { useSecret: boolean; existingSecret?: string };
  serviceAccount: { server: { annotations?: Record<string, string> } };
  configuration: {
    /** This package renders the BackupStorageLocation as a typed object, so the chart renders none. */
    backupStorageLocation: [];
    volumeSnapshotLocation: [];
    uploaderType: 'kopia';
    logLevel: string;
    /** The environment's object-storage Secret as AWS_* variables, on the server and node agents. */
    extraEnvVars?: IEnvVar[];
    repositoryMaintenanceJob: {
      repositoryConfigData: {
        name: string;
        global: {
          keepLatestMaintenanceJobs: number;
          podResources: { cpuRequest: string; memoryRequest: string; cpuLimit?: string; memoryLimit: string };
        };
      };
    };
  };
  /** ServiceMonitor and node-agent PodMonitor with the environment's ServiceMonitors; no autodetection (Argo CD renders without cluster capabilities); alerts are this package's. */
  metrics: {
    enabled: true;
    serviceMonitor: { enabled: boolean; autodetect: false };
    nodeAgentPodMonitor: { enabled: boolean; autodetect: false };
    prometheusRule: { enabled: false };
  };
}

/** The chart values for a Velero instance, with `extraValues` deep-merged last. */
export function chartValues({ config, environment }: BuildContext<VeleroConfig>): VeleroValues {
  const mirror = environment.settings.imageRegistryMirror;
  const storage = environment.settings.objectStorage;
  const ownSecret = config.credentialsKey !== undefined;
  const env = ownSecret ? [] : s3CredentialsEnv(storage);
  const { maintenance } = config.resources;
  const annotations = config.serviceAccountAnnotations;
  const values: VeleroValues = {
    image: { repository: mirroredImage(VELERO_IMAGE.repository, mirror), tag: VELERO_IMAGE.tag },
    initContainers: [
      {
        name: 'velero-plugin-for-aws',
        image: mirroredImage(AWS_PLUGIN_IMAGE, mirror),
        imagePullPolicy: 'IfNotPresent',
        volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
        securityContext: { ...RESTRICTED_CONTAINER, capabilities: { drop: ['ALL'] } },
        resources: config.resources.plugin,
      },
    ],
    podSecurityContext: {
      runAsNonRoot: true,
      runAsUser: VELERO_USER.uid,
      runAsGroup: VELERO_USER.gid,
      fsGroup: VELERO_USER.gid,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containerSecurityContext: RESTRICTED_CONTAINER,
    resources: config.resources.server,
    upgradeCRDs: false,
    snapshotsEnabled: false,
    deployNodeAgent: true,
    nodeAgent: {
      resources: config.resources.nodeAgent,
      // Root reads the files of every pod's volumes whatever their owner; seccomp still applies.
      podSecurityContext: { runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } },
      containerSecurityContext: { allowPrivilegeEscalation: false },
    },
    credentials: ownSecret ? { useSecret: true, existingSecret: CREDENTIALS_SECRET } : { useSecret: false },
    serviceAccount: { server: Object.keys(annotations).length > 0 ? { annotations: { ...annotations } } : {} },
    configuration: {
      backupStorageLocation: [],
      volumeSnapshotLocation: [],
      uploaderType: 'kopia',
      logLevel: config.logLevel,
      ...(env.length > 0 ? { extraEnvVars: env } : {}),
      repositoryMaintenanceJob: {
        repositoryConfigData: {
          name: 'velero-repo-maintenance',
          global: {
            keepLatestMaintenanceJobs: 3,
            podResources: {
              cpuRequest: maintenance.requests.cpu,
              memoryRequest: maintenance.requests.memory,
              ...(maintenance.limits.cpu ? { cpuLimit: maintenance.limits.cpu } : {}),
              memoryLimit: maintenance.limits.memory,
            },
          },
        },
      },
    },
    metrics: {
      enabled: true,
      serviceMonitor: { enabled: environment.settings.serviceMonitors, autodetect: false },
      nodeAgentPodMonitor: { enabled: environment.settings.serviceMonitors, autodetect: false },
      prometheusRule: { enabled: false },
    },
  };
  return applyPatch<VeleroValues>(values, config.extraValues as Patch<VeleroValues>);
}
