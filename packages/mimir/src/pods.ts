import { type BuildContext, hungProcessProbe, s3CredentialsEnv, type WorkloadOptions } from '@platform/core';
import {
  type DatabaseFile,
  type DatabaseTargetObjects,
  type DatabaseTargetSpec,
  type DatabaseWorkloadKind,
  databaseTarget,
  type GossipRing,
  type GrafanaDatabase,
} from '@platform/grafana-databases';
import type { MimirConfig, ScalableWorkloadConfig, VolumeConfig } from './config.js';
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
  RUNTIME_FILE_KEY,
  SERVICE_ACCOUNT,
  WORKLOAD,
} from './layout.js';

/** What every Mimir workload builder receives: the build context and the database every component runs in. */
export interface MimirBuild {
  context: BuildContext<MimirConfig>;
  database: GrafanaDatabase;
}

/** Flag values of a Mimir container: `{ 'server.http-listen-port': 8080 }`. */
type Flags = Record<string, string | number | boolean>;

/** `{ b: 1, a: 'x' }` → `['-a=x', '-b=1']`, sorted as Jsonnet's `mapToFlags` does. */
function toArgs(flags: Flags): string[] {
  return Object.keys(flags)
    .sort()
    .map((key) => `-${key}=${String(flags[key])}`);
}

/** The Mimir components, by their configuration key (`queryFrontend`); {@link WORKLOAD} names their workloads. */
export type MimirComponent = keyof typeof WORKLOAD;

/** How one Mimir component differs from the others; its sizes come from its configuration section. */
export interface MimirWorkloadSpec {
  /** Joins the memberlist gossip ring (hash-ring members and ring readers). Default true. */
  ringMember?: boolean;
  /** Reads or writes object storage: gets the credentials and the egress to the endpoint. Default true. */
  objectStorage?: boolean;
  /** Component-specific flags, on top of `-target` and `-config.file`. */
  flags?: Flags;
  terminationGracePeriodSeconds: number;
  antiAffinity: WorkloadOptions['antiAffinity'];
  rollout?: WorkloadOptions['rollout'];
  pdb?: WorkloadOptions['pdb'];
  /** More read-only files, e.g. the Alertmanager's fallback configuration. */
  files?: DatabaseFile[];
  /** More pod annotations, e.g. checksums of files read only at start-up. */
  podAnnotations?: Record<string, string>;
}

/** The readiness probe of every Mimir container (`$.util.readinessProbe` in Jsonnet: the port by number, Kubernetes' default period). */
const READINESS_PROBE = {
  httpGet: { path: '/ready', port: HTTP_PORT },
  initialDelaySeconds: 15,
  timeoutSeconds: 1,
};

/**
 * The liveness probe of every Mimir container. Grafana's Jsonnet and Helm chart set none: `/ready` is false
 * during WAL replay and ring hand-over, and a restart then only makes things worse. This one restarts a process
 * only once it has stopped accepting connections on its HTTP port for minutes (see core's `hungProcessProbe`).
 */
const LIVENESS_PROBE = hungProcessProbe(HTTP_PORT);

/**
 * Mimir as a Grafana database: one image and `mimir.yaml` for every component, the runtime file, `/data`, the
 * gossip ring and the object storage credentials. Where Grafana's Jsonnet differs from Loki's and Tempo's charts,
 * Mimir follows the Jsonnet: its probes, and Services that list every container port (the gossip port too).
 */
export function mimirDatabase(
  context: BuildContext<MimirConfig>,
  ring: GossipRing,
  configYaml: string,
): GrafanaDatabase {
  return {
    image: context.config.images.mimir,
    httpPort: HTTP_PORT,
    grpcPort: GRPC_PORT,
    configFile: { volume: 'config', configMap: CONFIG_CONFIGMAP, path: `${CONFIG_DIR}/${CONFIG_FILE_KEY}` },
    runtimeFile: { volume: 'runtime', configMap: RUNTIME_CONFIGMAP, path: `${RUNTIME_DIR}/${RUNTIME_FILE_KEY}` },
    dataPath: DATA_DIR,
    ring,
    configYaml,
    env: s3CredentialsEnv(context.environment.settings.objectStorage),
    probes: { readiness: READINESS_PROBE, liveness: LIVENESS_PROBE },
    serviceRingPort: true,
  };
}

/** The flags that select a component and load the shared configuration file. */
function baseFlags(context: BuildContext<MimirConfig>, name: string): Flags {
  return {
    target: name,
    'config.file': `${CONFIG_DIR}/${CONFIG_FILE_KEY}`,
    // With a credentials Secret the configuration file refers to `${AWS_...}` variables, which Mimir must expand.
    ...(context.environment.settings.objectStorage.credentialsSecret ? { 'config.expand-env': true } : {}),
  };
}

/**
 * A Mimir component's objects (`<name>_deployment` or `_statefulset`, its Service, PDB, ServiceMonitor and,
 * with `autoscaling`, HorizontalPodAutoscaler): a
 * target of the Mimir database with Jsonnet's sorted flags, sized by its configuration section (with a volume at
 * `/data` where the section has `storage`), run as the `mimir` ServiceAccount. Only components that use object
 * storage get its credentials and the label its egress policy selects.
 */
export function mimirTarget<Component extends MimirComponent, Kind extends DatabaseWorkloadKind>(
  { context, database }: MimirBuild,
  kind: Kind,
  component: Component,
  spec: MimirWorkloadSpec,
): DatabaseTargetObjects<(typeof WORKLOAD)[Component], Kind> {
  const name = WORKLOAD[component];
  // Only the Deployments' sections (distributor, querier, query-frontend) offer `autoscaling`.
  const settings: ScalableWorkloadConfig & { storage?: VolumeConfig } = context.config[component];
  const volume = settings.storage;
  const objectStorage = spec.objectStorage !== false;
  const target: DatabaseTargetSpec<(typeof WORKLOAD)[Component]> = {
    name,
    replicas: settings.replicas,
    ...(settings.autoscaling ? { autoscaling: settings.autoscaling } : {}),
    resources: settings.resources,
    args: toArgs({ ...baseFlags(context, name), ...spec.flags, ...settings.extraArgs }),
    env: objectStorage ? database.env : [],
    ringMember: spec.ringMember,
    files: spec.files,
    ...(volume
      ? { storageSize: volume.size, storageClassName: volume.storageClassName, claimName: `${name}-data` }
      : {}),
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
    podLabels: objectStorage ? { [OBJECT_STORAGE_CLIENT_LABEL]: 'true' } : undefined,
    podAnnotations: spec.podAnnotations,
  };
  const { antiAffinity, rollout, pdb } = spec;
  return databaseTarget(context, database, kind, target, {
    serviceAccountName: SERVICE_ACCOUNT,
    antiAffinity,
    rollout,
    pdb,
  });
}
