import {
  type BuildContext,
  hungProcessProbe,
  type IContainer,
  type IEnvVar,
  type IVolume,
  type IVolumeMount,
  s3CredentialsEnv,
  type VolumeClaim,
  type WorkloadOptions,
} from '@platform/core';
import type { GossipRing } from '@platform/grafana-databases';
import type { MimirConfig, VolumeConfig, WorkloadConfig } from './config.js';
import {
  CONFIG_CONFIGMAP,
  CONFIG_DIR,
  CONFIG_FILE_KEY,
  DATA_DIR,
  GRPC_PORT,
  HTTP_PORT,
  OBJECT_STORAGE_CLIENT_LABEL,
  RUNTIME_CONFIGMAP,
  RUNTIME_DIR,
  SERVICE_ACCOUNT,
} from './layout.js';

/** What every Mimir workload builder receives: the build context plus what the component shares. */
export interface MimirBuild {
  context: BuildContext<MimirConfig>;
  /** The memberlist ring every ring member joins. */
  ring: GossipRing;
  /** Hash of `mimir.yaml`, a pod annotation so a configuration change rolls the pods. */
  configHash: string;
}

/** Flag values of a Mimir container: `{ 'server.http-listen-port': 8080 }`. */
export type Flags = Record<string, string | number | boolean>;

/** `{ b: 1, a: 'x' }` → `['-a=x', '-b=1']`, sorted as Jsonnet's `mapToFlags` does. */
export function toArgs(flags: Flags): string[] {
  return Object.keys(flags)
    .sort()
    .map((key) => `-${key}=${String(flags[key])}`);
}

/** How one Mimir component differs from the others. */
export interface MimirWorkloadSpec {
  /** Workload name, e.g. `distributor`; also its `-target`. */
  name: string;
  /** The first-sync stage of the workload, one of core's `DATABASE_STAGES`. */
  stage: number;
  settings: WorkloadConfig;
  /** Joins the memberlist gossip ring (hash-ring members and ring readers). */
  ringMember: boolean;
  /** Reads or writes object storage: gets the credentials and the egress to the endpoint. */
  objectStorage: boolean;
  /** Component-specific flags, on top of `-target` and `-config.file`. */
  flags?: Flags;
  /** Persistent volume at `/data`; without one `/data` is an emptyDir. */
  volume?: VolumeConfig;
  terminationGracePeriodSeconds: number;
  antiAffinity: WorkloadOptions['antiAffinity'];
  rollout?: WorkloadOptions['rollout'];
  pdb?: WorkloadOptions['pdb'];
  service?: WorkloadOptions['service'];
  /** More (read-only) volumes and their mounts in the Mimir container. */
  volumes?: Array<{ volume: IVolume; mountPath: string }>;
  /** More pod annotations, e.g. checksums of files read only at start-up. */
  podAnnotations?: Record<string, string>;
}

/** The readiness probe of every Mimir container (`$.util.readinessProbe` in Jsonnet). */
export const READINESS_PROBE = {
  httpGet: { path: '/ready', port: HTTP_PORT },
  initialDelaySeconds: 15,
  timeoutSeconds: 1,
};

/**
 * The liveness probe of every Mimir container. Grafana's Jsonnet and Helm chart set none: `/ready` is false
 * during WAL replay and ring hand-over, and a restart then only makes things worse. This one restarts a process
 * only once it has stopped accepting connections on its HTTP port for minutes (see core's `hungProcessProbe`).
 */
export const LIVENESS_PROBE = hungProcessProbe(HTTP_PORT);

/** The flags that select a component and load the shared configuration file. */
function baseFlags(build: MimirBuild, name: string): Flags {
  return {
    target: name,
    'config.file': `${CONFIG_DIR}/${CONFIG_FILE_KEY}`,
    // With a credentials Secret the configuration file refers to `${AWS_...}` variables, which Mimir must expand.
    ...(build.context.environment.settings.objectStorage.credentialsSecret ? { 'config.expand-env': true } : {}),
  };
}

/** The Mimir container of a component. */
export function mimirContainer(build: MimirBuild, spec: MimirWorkloadSpec): IContainer {
  const { config } = build.context;
  const env: IEnvVar[] = spec.objectStorage ? s3CredentialsEnv(build.context.environment.settings.objectStorage) : [];
  const mounts: IVolumeMount[] = [
    { name: 'config', mountPath: CONFIG_DIR, readOnly: true },
    { name: 'runtime', mountPath: RUNTIME_DIR, readOnly: true },
    ...(spec.volume ? [] : [{ name: 'data', mountPath: DATA_DIR }]),
    ...(spec.volumes ?? []).map(({ volume, mountPath }) => ({ name: volume.name, mountPath, readOnly: true })),
  ];
  return {
    name: spec.name,
    image: config.images.mimir,
    args: toArgs({ ...baseFlags(build, spec.name), ...spec.flags, ...spec.settings.extraArgs }),
    ports: [
      { name: 'http-metrics', containerPort: HTTP_PORT, protocol: 'TCP' },
      { name: 'grpc', containerPort: GRPC_PORT, protocol: 'TCP' },
      ...(spec.ringMember ? [build.ring.port] : []),
    ],
    ...(env.length > 0 ? { env } : {}),
    readinessProbe: READINESS_PROBE,
    livenessProbe: LIVENESS_PROBE,
    resources: spec.settings.resources,
    volumeMounts: mounts,
  };
}

/** The options of the core workload helper for a Mimir component. */
export function mimirWorkloadOptions(build: MimirBuild, spec: MimirWorkloadSpec): WorkloadOptions {
  const volumeClaims: VolumeClaim[] | undefined = spec.volume
    ? [
        {
          name: `${spec.name}-data`,
          size: spec.volume.size,
          storageClassName: spec.volume.storageClassName,
          mountPath: DATA_DIR,
        },
      ]
    : undefined;
  const volumes: IVolume[] = [
    { name: 'config', configMap: { name: CONFIG_CONFIGMAP } },
    { name: 'runtime', configMap: { name: RUNTIME_CONFIGMAP } },
    ...(spec.volume ? [] : [{ name: 'data', emptyDir: {} }]),
    ...(spec.volumes ?? []).map(({ volume }) => volume),
  ];
  return {
    name: spec.name,
    replicas: spec.settings.replicas,
    containers: [mimirContainer(build, spec)],
    volumes,
    volumeClaims,
    podLabels: {
      ...(spec.ringMember ? build.ring.memberLabels : {}),
      ...(spec.objectStorage ? { [OBJECT_STORAGE_CLIENT_LABEL]: 'true' } : {}),
    },
    podAnnotations: { 'checksum/config': build.configHash, ...spec.podAnnotations },
    serviceAccountName: SERVICE_ACCOUNT,
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
    stage: spec.stage,
    antiAffinity: spec.antiAffinity,
    rollout: spec.rollout,
    pdb: spec.pdb,
    service: spec.service,
  };
}
