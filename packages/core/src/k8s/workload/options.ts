import type {
  IContainer,
  IHorizontalPodAutoscaler,
  IPodDisruptionBudget,
  IPodSecurityContext,
  IPodSpec,
  IService,
  IServiceMonitor,
  IVolume,
} from '../../registry/kubernetes-types.js';
import type { AutoscalingOptions } from '../autoscaling.js';
import type { VerticalPodAutoscalerObject, VerticalScalingOptions } from '../vertical-scaling.js';

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
  /** Replicas (ignored for DaemonSets, and with `autoscaling`). Default 1. */
  replicas?: number;
  /**
   * Deployments and StatefulSets: scale horizontally between `min` and `max` on CPU and memory utilisation.
   * Renders a `HorizontalPodAutoscaler` (`<part>_hpa`) and leaves `replicas` out of the workload, so the
   * delivery engine never resets the autoscaler's count; the PodDisruptionBudget and spread follow `max`, and
   * a `pdb.maxUnavailable` must leave a pod running at `min`. Default none (fixed `replicas`).
   */
  autoscaling?: AutoscalingOptions;
  /**
   * Whether the pods tolerate their node going away at short notice (spot reclaim, consolidation). Where the
   * environment has node classes (`nodeCapacity`, e.g. Karpenter), non-interruptible pods get a required node
   * affinity for the stable (on-demand) nodes. Default false for StatefulSets, true for Deployments; DaemonSets
   * are never placed.
   */
  interruptible?: boolean;
  /**
   * The workload's VerticalPodAutoscaler (`<part>_vpa`), rendered when the environment has one
   * (`verticalScaling`, `@platform/vpa`); `false` for none. Default update mode `Off` (recommendations only).
   */
  verticalScaling?: VerticalScalingOptions | false;
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
   * First-sync stage of the workload object (see `STAGE_ANNOTATION`): the delivery engine applies a
   * component's objects stage by stage, lowest first, and starts the next stage only once every object of the
   * current one is healthy (Argo CD sync waves), so stages spread a component's first sync. Only the workload
   * carries it: its Service, PodDisruptionBudget and ServiceMonitor start no pods and are healthy without them,
   * so they stay in the default stage 0, ready before the pods arrive. Default none (stage 0).
   */
  stage?: number;
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
  /** PodDisruptionBudget; `false` for none. Default maxUnavailable 1 for StatefulSets and for replicas (or autoscaling.max) > 1. */
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
  /** With `autoscaling`. */
  hpa?: IHorizontalPodAutoscaler;
  /** When the environment has a Vertical Pod Autoscaler. */
  vpa?: VerticalPodAutoscalerObject;
}
