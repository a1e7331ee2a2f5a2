import type { BuildContext } from './component.js';
import { SYNC_WAVE } from './delivery/argocd.js';
import type {
  IContainer, IDaemonSet, IDeployment, IPodDisruptionBudget, IPodSecurityContext, IPodSpec, IService,
  IServiceMonitor, IServicePort, IStatefulSet, IVolume,
} from './kinds.js';
import { selectorLabels, standardLabels } from './labels.js';
import { DEFAULT_RUN_AS, restrictedContainerSecurityContext, restrictedPodSecurityContext } from './security.js';

/** A persistent volume claim template of a StatefulSet. */
export interface VolumeClaim {
  /** Claim and volume name, e.g. `ingester-data`. */
  name: string;
  /** Requested size, e.g. `100Gi`. */
  size: string;
  /** Storage class; default: the cluster's default class. */
  storageClassName?: string;
  /** Where every container mounts it, e.g. `/data`. */
  mountPath: string;
}

/** The Service in front of a workload. */
export interface ServiceOptions {
  /** Service name; default the workload name. */
  name?: string;
  /** Headless (`clusterIP: None`), for StatefulSets and gRPC clients that balance per pod. */
  headless?: boolean;
  /** Publish not-ready pods (discovery Services). */
  publishNotReadyAddresses?: boolean;
  /** Only these container ports (by name); default all named ports. */
  ports?: string[];
}

/** Options of the workload helpers. Everything not given follows the secure, replicated defaults documented per field. */
export interface WorkloadOptions {
  /** Workload name, e.g. `distributor`; also its Service and PDB name. */
  name: string;
  /** Replicas (ignored for DaemonSets). Default 1. */
  replicas?: number;
  /** Containers; security context, pull policy and the /tmp mount are filled in. */
  containers: IContainer[];
  initContainers?: IContainer[];
  volumes?: IVolume[];
  /** StatefulSet only: claims, mounted into every container. */
  volumeClaims?: VolumeClaim[];
  /** Extra pod labels (e.g. ring membership); selector labels are always set. */
  podLabels?: Record<string, string>;
  podAnnotations?: Record<string, string>;
  /** Annotations of the workload object itself (e.g. policy waivers). */
  annotations?: Record<string, string>;
  /**
   * Argo CD sync wave of the workload object (its `argocd.argoproj.io/sync-wave` annotation): Argo CD applies
   * the resources of one Application wave by wave, lowest first, and starts the next wave only once every
   * resource of the current one is healthy, so waves stage a component's first sync. Only the workload carries
   * it: its Service, PodDisruptionBudget and ServiceMonitor start no pods and are healthy without them, so they
   * stay in the default wave 0, ready before the pods arrive. Default none (wave 0).
   */
  syncWave?: number;
  /** ServiceAccount; default none (the namespace's `default`, with no token mounted). */
  serviceAccountName?: string;
  /** Mount an API token. Default false: only workloads that talk to the Kubernetes API need one. */
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  /** Spread replicas over nodes: `required` (never two on one node), `preferred` (topology spread), `none`. Default `preferred`. */
  antiAffinity?: 'required' | 'preferred' | 'none';
  /** User and group the pod runs as. Default 10001. */
  runAs?: number;
  /** Pod security context fields on top of the restricted defaults. */
  podSecurityContext?: IPodSecurityContext;
  /** Mount an emptyDir at /tmp in every container, since the root file system is read-only. Default true. */
  tmpVolume?: boolean;
  /** Deployment rollout: default maxSurge 25%, maxUnavailable 0. */
  rollout?: { maxSurge?: number | string; maxUnavailable?: number | string };
  minReadySeconds?: number;
  /** Service; `false` for none. Default: a ClusterIP Service over all named ports. */
  service?: ServiceOptions | false;
  /** PodDisruptionBudget; `false` for none. Default maxUnavailable 1 for StatefulSets and for replicas > 1. */
  pdb?: { maxUnavailable?: number | string } | false;
  /** ServiceMonitor; `false` for none. Default: port `http-metrics` at `/metrics` when a container exposes it. */
  serviceMonitor?: { port?: string; path?: string; interval?: string } | false;
  priorityClassName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: IPodSpec['tolerations'];
  /** StatefulSet only: `Parallel` (default, as Grafana's databases use) or `OrderedReady`. */
  podManagementPolicy?: 'Parallel' | 'OrderedReady';
}

/** The objects of one workload. */
export interface WorkloadObjects<W> {
  workload: W;
  service?: IService;
  pdb?: IPodDisruptionBudget;
  serviceMonitor?: IServiceMonitor;
}

function containerDefaults(container: IContainer, mounts: Array<{ name: string; mountPath: string }>): IContainer {
  const existing = new Set((container.volumeMounts ?? []).map((m) => m.name));
  return {
    imagePullPolicy: 'IfNotPresent',
    terminationMessagePolicy: 'FallbackToLogsOnError',
    ...container,
    securityContext: restrictedContainerSecurityContext(container.securityContext),
    volumeMounts: [...(container.volumeMounts ?? []), ...mounts.filter((m) => !existing.has(m.name))],
  };
}

function podSpec(context: BuildContext<unknown>, options: WorkloadOptions, replicated: boolean): IPodSpec {
  const selector = selectorLabels(context.name, options.name);
  const sharedMounts = [
    ...(options.tmpVolume === false ? [] : [{ name: 'tmp', mountPath: '/tmp' }]),
    ...(options.volumeClaims ?? []).map((claim) => ({ name: claim.name, mountPath: claim.mountPath })),
  ];
  const antiAffinity = options.antiAffinity ?? 'preferred';
  const spec: IPodSpec = {
    serviceAccountName: options.serviceAccountName,
    automountServiceAccountToken: options.automountServiceAccountToken ?? false,
    securityContext: restrictedPodSecurityContext(options.runAs ?? DEFAULT_RUN_AS, options.podSecurityContext),
    terminationGracePeriodSeconds: options.terminationGracePeriodSeconds,
    priorityClassName: options.priorityClassName,
    nodeSelector: options.nodeSelector,
    tolerations: options.tolerations,
    initContainers: options.initContainers?.map((c) => containerDefaults(c, sharedMounts)),
    containers: options.containers.map((c) => containerDefaults(c, sharedMounts)),
    volumes: [
      ...(options.tmpVolume === false ? [] : [{ name: 'tmp', emptyDir: {} }]),
      ...(options.volumes ?? []),
    ],
  };
  if (replicated && antiAffinity === 'required') {
    spec.affinity = {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: selector }, topologyKey: 'kubernetes.io/hostname' }] },
    };
  }
  if (replicated && antiAffinity !== 'none') {
    spec.topologySpreadConstraints = [
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector } },
      ...(antiAffinity === 'preferred'
        ? [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' as const, labelSelector: { matchLabels: selector } }]
        : []),
    ];
  }
  if (spec.volumes!.length === 0) delete spec.volumes;
  return spec;
}

function namedPorts(containers: IContainer[], only?: string[]): IServicePort[] {
  const ports: IServicePort[] = [];
  for (const container of containers) {
    for (const port of container.ports ?? []) {
      if (!port.name || (only && !only.includes(port.name)) || ports.some((p) => p.name === port.name)) continue;
      ports.push({ name: port.name, port: port.containerPort, targetPort: port.name, protocol: port.protocol ?? 'TCP' });
    }
  }
  return ports;
}

function companions<W>(context: BuildContext<unknown>, options: WorkloadOptions, workload: W, pdbByDefault: boolean): WorkloadObjects<W> {
  const labels = standardLabels(context.name, options.name);
  const selector = selectorLabels(context.name, options.name);
  const result: WorkloadObjects<W> = { workload };
  if (options.service !== false) {
    const service = options.service ?? {};
    result.service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: service.name ?? options.name, namespace: context.namespace, labels: { ...labels, ...selector } },
      spec: {
        ...(service.headless ? { clusterIP: 'None' } : {}),
        ...(service.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
        selector,
        ports: namedPorts(options.containers, service.ports),
      },
    };
  }
  if (options.pdb !== false && (options.pdb !== undefined || pdbByDefault)) {
    result.pdb = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: options.name, namespace: context.namespace, labels },
      spec: { maxUnavailable: options.pdb?.maxUnavailable ?? 1, selector: { matchLabels: selector } },
    };
  }
  const metricsPort = options.serviceMonitor === false ? undefined : (options.serviceMonitor?.port ?? 'http-metrics');
  const exposesMetrics = options.containers.some((c) => c.ports?.some((p) => p.name === metricsPort));
  if (metricsPort && exposesMetrics && result.service && context.environment.settings.serviceMonitors) {
    const monitor = options.serviceMonitor || {};
    result.serviceMonitor = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: options.name, namespace: context.namespace, labels },
      spec: {
        selector: { matchLabels: selector },
        endpoints: [{ port: metricsPort, path: monitor.path ?? '/metrics', interval: monitor.interval ?? '30s' }],
      },
    };
  }
  return result;
}

function podTemplateMetadata(context: BuildContext<unknown>, options: WorkloadOptions) {
  return {
    labels: { ...standardLabels(context.name, options.name), ...options.podLabels, ...selectorLabels(context.name, options.name) },
    ...(options.podAnnotations ? { annotations: options.podAnnotations } : {}),
  };
}

function workloadMetadata(context: BuildContext<unknown>, options: WorkloadOptions) {
  // Argo CD reads the wave with strconv.Atoi and silently falls back to wave 0 on anything else.
  if (options.syncWave !== undefined && !Number.isInteger(options.syncWave)) {
    throw new Error(`workload "${options.name}": sync wave must be an integer, got ${options.syncWave}`);
  }
  const annotations = {
    ...options.annotations,
    ...(options.syncWave !== undefined ? { [SYNC_WAVE]: String(options.syncWave) } : {}),
  };
  return {
    name: options.name,
    namespace: context.namespace,
    labels: standardLabels(context.name, options.name),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
}

/** A Deployment with its Service, PodDisruptionBudget and ServiceMonitor. */
export function deployment(context: BuildContext<unknown>, options: WorkloadOptions): WorkloadObjects<IDeployment> & { workload: IDeployment } {
  const replicas = options.replicas ?? 1;
  const workload: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: workloadMetadata(context, options),
    spec: {
      replicas,
      revisionHistoryLimit: 10,
      minReadySeconds: options.minReadySeconds ?? 10,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: options.rollout?.maxSurge ?? '25%', maxUnavailable: options.rollout?.maxUnavailable ?? 0 } },
      selector: { matchLabels: selectorLabels(context.name, options.name) },
      template: { metadata: podTemplateMetadata(context, options), spec: podSpec(context, options, replicas > 1) },
    },
  };
  return companions(context, options, workload, replicas > 1) as WorkloadObjects<IDeployment> & { workload: IDeployment };
}

/** A StatefulSet with its (headless by default) Service, PodDisruptionBudget and ServiceMonitor. */
export function statefulSet(context: BuildContext<unknown>, options: WorkloadOptions): WorkloadObjects<IStatefulSet> & { workload: IStatefulSet } {
  const replicas = options.replicas ?? 1;
  const serviceName = options.service === false ? options.name : (options.service?.name ?? options.name);
  const workload: IStatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: workloadMetadata(context, options),
    spec: {
      replicas,
      serviceName,
      podManagementPolicy: options.podManagementPolicy ?? 'Parallel',
      updateStrategy: { type: 'RollingUpdate' },
      revisionHistoryLimit: 10,
      minReadySeconds: options.minReadySeconds,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      selector: { matchLabels: selectorLabels(context.name, options.name) },
      template: { metadata: podTemplateMetadata(context, options), spec: podSpec(context, options, replicas > 1) },
      volumeClaimTemplates: options.volumeClaims?.map((claim) => ({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: claim.name, labels: standardLabels(context.name, options.name) },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: claim.storageClassName,
          resources: { requests: { storage: claim.size } },
        },
      })),
    },
  };
  const withHeadless: WorkloadOptions = options.service === false ? options : { ...options, service: { headless: true, ...options.service } };
  return companions(context, withHeadless, workload, true) as WorkloadObjects<IStatefulSet> & { workload: IStatefulSet };
}

/** A DaemonSet (node agent) with its Service and ServiceMonitor; no PDB (one pod per node). */
export function daemonSet(context: BuildContext<unknown>, options: WorkloadOptions): WorkloadObjects<IDaemonSet> & { workload: IDaemonSet } {
  const workload: IDaemonSet = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: workloadMetadata(context, options),
    spec: {
      revisionHistoryLimit: 10,
      minReadySeconds: options.minReadySeconds,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: options.rollout?.maxUnavailable ?? 1 } },
      selector: { matchLabels: selectorLabels(context.name, options.name) },
      template: { metadata: podTemplateMetadata(context, options), spec: podSpec(context, options, false) },
    },
  };
  return companions(context, { ...options, pdb: false }, workload, false) as WorkloadObjects<IDaemonSet> & { workload: IDaemonSet };
}

/**
 * A workload's objects under Jsonnet-style names: `<part>_<kind>` (e.g. `distributor_deployment`) plus its
 * `<part>_service`, `<part>_pdb` and `<part>_servicemonitor` where rendered.
 */
export type NamedWorkloadObjects<P extends string, K extends string, W> =
  & { [X in `${P}_${K}`]: W }
  & { [X in `${P}_service`]?: IService }
  & { [X in `${P}_pdb`]?: IPodDisruptionBudget }
  & { [X in `${P}_servicemonitor`]?: IServiceMonitor };

/** Names the objects of a workload helper: `namedWorkloadObjects('distributor', 'deployment', deployment(...))`. */
export function namedWorkloadObjects<P extends string, K extends string, W>(part: P, kind: K, objects: WorkloadObjects<W>): NamedWorkloadObjects<P, K, W> {
  return {
    [`${part}_${kind}`]: objects.workload,
    ...(objects.service ? { [`${part}_service`]: objects.service } : {}),
    ...(objects.pdb ? { [`${part}_pdb`]: objects.pdb } : {}),
    ...(objects.serviceMonitor ? { [`${part}_servicemonitor`]: objects.serviceMonitor } : {}),
  } as NamedWorkloadObjects<P, K, W>;
}

/**
 * A headless Service over a workload's pods that also lists them before they are ready, for clients that connect
 * to every pod (`dns+` discovery of schedulers, frontends and index gateways; cluster peers). It is labelled with
 * its own name and without the workload's selector labels, so the workload's ServiceMonitor (which selects on
 * those) does not scrape the pods a second time through it.
 */
export function discoveryService(context: BuildContext<unknown>, name: string, workload: string, ports: IServicePort[]): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: context.namespace, labels: standardLabels(context.name, name) },
    spec: { clusterIP: 'None', publishNotReadyAddresses: true, selector: selectorLabels(context.name, workload), ports },
  };
}
