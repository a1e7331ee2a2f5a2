import {
  type BuildContext,
  deployment,
  type IContainer,
  type IVolume,
  mirroredImage,
  type ResourceRequirements,
  s3CredentialsEnv,
  statefulSet,
  type WorkloadObjects,
  type WorkloadOptions,
} from '@platform/core';
import {
  DATA_DIR,
  OBJECT_STORAGE_CLIENT_LABEL,
  OBJSTORE,
  OBJSTORE_FILE,
  PORT_NAMES,
  PORTS,
  THANOS_UID,
} from './layout.js';

/** How one Thanos component runs; everything else is shared by all of them. */
export interface ThanosPodSpec {
  /** Workload and Service name, e.g. `thanos-store`. */
  name: string;
  /** Thanos subcommand, e.g. `store`. */
  command: 'query' | 'query-frontend' | 'store' | 'compact';
  /** Flags after the subcommand, without the listen addresses (always set). */
  args: string[];
  image: string;
  replicas: number;
  resources: ResourceRequirements;
  logLevel: string;
  /** Serves gRPC (StoreAPI). Default true. */
  grpc?: boolean;
  /** Reads object storage: mounts its configuration and gets the credentials and the egress label. Default false. */
  objectStorage?: boolean;
  /** StatefulSet with a volume at `/data` of this size; else a Deployment. */
  storage?: { size: string; storageClassName?: string };
  antiAffinity?: WorkloadOptions['antiAffinity'];
  pdb?: WorkloadOptions['pdb'];
  terminationGracePeriodSeconds?: number;
  stage?: number;
  podAnnotations?: Record<string, string>;
}

/**
 * A Thanos component's workload with its Service (gRPC and HTTP), PDB and ServiceMonitor (`/metrics` on the HTTP
 * port): readiness `/-/ready`, liveness `/-/healthy` (`pkg/server/http/http.go:134` at v0.42.4), run as the
 * image's user 1001 with a read-only root file system.
 */
export function thanosPod(
  context: BuildContext<unknown>,
  spec: ThanosPodSpec,
): WorkloadObjects<unknown> & { workload: object } {
  const settings = context.environment.settings;
  const grpc = spec.grpc !== false;
  const container: IContainer = {
    name: spec.command,
    image: mirroredImage(spec.image, settings.imageRegistryMirror),
    args: [
      spec.command,
      `--log.level=${spec.logLevel}`,
      ...(grpc ? [`--grpc-address=0.0.0.0:${PORTS.grpc}`] : []),
      `--http-address=0.0.0.0:${PORTS.http}`,
      ...(spec.objectStorage ? [`--objstore.config-file=${OBJSTORE_FILE}`] : []),
      ...(spec.storage ? [`--data-dir=${DATA_DIR}`] : []),
      ...spec.args,
    ],
    env: spec.objectStorage ? s3CredentialsEnv(settings.objectStorage) : [],
    ports: [
      ...(grpc ? [{ name: PORT_NAMES.grpc, containerPort: PORTS.grpc, protocol: 'TCP' as const }] : []),
      { name: PORT_NAMES.http, containerPort: PORTS.http, protocol: 'TCP' as const },
    ],
    readinessProbe: { httpGet: { path: '/-/ready', port: PORT_NAMES.http }, periodSeconds: 5, failureThreshold: 3 },
    livenessProbe: { httpGet: { path: '/-/healthy', port: PORT_NAMES.http }, periodSeconds: 30, failureThreshold: 4 },
    resources: spec.resources,
    volumeMounts: spec.objectStorage ? [{ name: 'objstore', mountPath: OBJSTORE.dir, readOnly: true }] : [],
  };
  const volumes: IVolume[] = spec.objectStorage ? [{ name: 'objstore', configMap: { name: OBJSTORE.configMap } }] : [];
  const options: WorkloadOptions = {
    name: spec.name,
    replicas: spec.replicas,
    containers: [container],
    volumes,
    runAs: THANOS_UID,
    antiAffinity: spec.antiAffinity ?? 'preferred',
    podLabels: spec.objectStorage ? { [OBJECT_STORAGE_CLIENT_LABEL]: 'true' } : undefined,
    podAnnotations: spec.podAnnotations,
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
    stage: spec.stage,
    ...(spec.pdb !== undefined ? { pdb: spec.pdb } : {}),
  };
  if (!spec.storage) return deployment(context, options);
  return statefulSet(context, {
    ...options,
    volumeClaims: [
      { name: 'data', size: spec.storage.size, storageClassName: spec.storage.storageClassName, mountPath: DATA_DIR },
    ],
  });
}
