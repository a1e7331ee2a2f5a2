import type { BuildContext } from '../../model/definition.js';
import type { IDaemonSet, IDeployment, IStatefulSet } from '../../registry/kubernetes-types.js';
import { selectorLabels, standardLabels } from '../labels.js';
import { assertScalable, companions } from './companions.js';
import type { WorkloadObjects, WorkloadOptions } from './options.js';
import { podTemplateMetadata, workloadMetadata, workloadPodSpec } from './pod-template.js';

/** A Deployment with its Service, PodDisruptionBudget and ServiceMonitor. */
export function deployment(
  context: BuildContext<unknown>,
  options: WorkloadOptions,
): WorkloadObjects<IDeployment> & { workload: IDeployment } {
  assertScalable(context, options, 'Deployment');
  const replicas = options.replicas ?? 1;
  const replicated = options.autoscaling ? options.autoscaling.max > 1 : replicas > 1;
  const workload: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: workloadMetadata(context, options),
    spec: {
      // The autoscaler owns the count: see `k8s/autoscaling.ts` for why it is left out rather than ignored.
      ...(options.autoscaling ? {} : { replicas }),
      revisionHistoryLimit: 10,
      minReadySeconds: options.minReadySeconds ?? 10,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: {
          maxSurge: options.rollout?.maxSurge ?? '25%',
          maxUnavailable: options.rollout?.maxUnavailable ?? 0,
        },
      },
      selector: { matchLabels: selectorLabels(context.name, options.name) },
      template: {
        metadata: podTemplateMetadata(context, options),
        spec: workloadPodSpec(context, options, replicated, 'Deployment'),
      },
    },
  };
  return companions(context, options, workload, replicated, 'Deployment') as WorkloadObjects<IDeployment> & {
    workload: IDeployment;
  };
}

/** A StatefulSet with its (headless by default) Service, PodDisruptionBudget and ServiceMonitor. */
export function statefulSet(
  context: BuildContext<unknown>,
  options: WorkloadOptions,
): WorkloadObjects<IStatefulSet> & { workload: IStatefulSet } {
  assertScalable(context, options, 'StatefulSet');
  const replicas = options.replicas ?? 1;
  const replicated = options.autoscaling ? options.autoscaling.max > 1 : replicas > 1;
  const serviceName = options.service === false ? options.name : (options.service?.name ?? options.name);
  const workload: IStatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: workloadMetadata(context, options),
    spec: {
      ...(options.autoscaling ? {} : { replicas }),
      serviceName,
      podManagementPolicy: options.podManagementPolicy ?? 'Parallel',
      updateStrategy: { type: 'RollingUpdate' },
      revisionHistoryLimit: 10,
      minReadySeconds: options.minReadySeconds,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      selector: { matchLabels: selectorLabels(context.name, options.name) },
      template: {
        metadata: podTemplateMetadata(context, options),
        spec: workloadPodSpec(context, options, replicated, 'StatefulSet'),
      },
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
  const withHeadless: WorkloadOptions =
    options.service === false ? options : { ...options, service: { headless: true, ...options.service } };
  return companions(context, withHeadless, workload, true, 'StatefulSet') as WorkloadObjects<IStatefulSet> & {
    workload: IStatefulSet;
  };
}

/** A DaemonSet (node agent) with its Service and ServiceMonitor; no PDB (one pod per node). */
export function daemonSet(
  context: BuildContext<unknown>,
  options: WorkloadOptions,
): WorkloadObjects<IDaemonSet> & { workload: IDaemonSet } {
  assertScalable(context, options, 'DaemonSet');
  const workload: IDaemonSet = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: workloadMetadata(context, options),
    spec: {
      revisionHistoryLimit: 10,
      minReadySeconds: options.minReadySeconds,
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: options.rollout?.maxUnavailable ?? 1 },
      },
      selector: { matchLabels: selectorLabels(context.name, options.name) },
      template: { metadata: podTemplateMetadata(context, options), spec: workloadPodSpec(context, options, false) },
    },
  };
  return companions(
    context,
    { ...options, pdb: false },
    workload,
    false,
    'DaemonSet',
  ) as WorkloadObjects<IDaemonSet> & {
    workload: IDaemonSet;
  };
}
