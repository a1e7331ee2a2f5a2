import type { BuildContext } from '../../model/definition.js';
import { PlatformError } from '../../model/errors.js';
import { stageAnnotations } from '../../model/stage.js';
import type { IContainer, IPodSpec } from '../../registry/kubernetes-types.js';
import { selectorLabels, standardLabels } from '../labels.js';
import { capacityNodeAffinity, interruptibleByDefault, type PlacedKind } from '../node-affinity.js';
import { DEFAULT_RUN_AS, restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../security.js';
import type { WorkloadOptions } from './options.js';

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

/**
 * The pod spec of a workload: restricted security contexts, the shared mounts, spread when `replicated`, and,
 * for a `placed` kind, the node affinity its interruptibility asks for in the environment's node classes.
 */
export function workloadPodSpec(
  context: BuildContext<unknown>,
  options: WorkloadOptions,
  replicated: boolean,
  placed?: PlacedKind,
): IPodSpec {
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
    volumes: [...(options.tmpVolume === false ? [] : [{ name: 'tmp', emptyDir: {} }]), ...(options.volumes ?? [])],
  };
  const nodeAffinity = placed
    ? capacityNodeAffinity(context.peers.find('nodeCapacity'), options.interruptible ?? interruptibleByDefault(placed))
    : undefined;
  if (nodeAffinity) spec.affinity = { nodeAffinity };
  if (replicated && antiAffinity === 'required') {
    spec.affinity = {
      ...spec.affinity,
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: { matchLabels: selector }, topologyKey: 'kubernetes.io/hostname' },
        ],
      },
    };
  }
  if (replicated && antiAffinity !== 'none') {
    spec.topologySpreadConstraints = [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: selector },
      },
      ...(antiAffinity === 'preferred'
        ? [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway' as const,
              labelSelector: { matchLabels: selector },
            },
          ]
        : []),
    ];
  }
  if (spec.volumes!.length === 0) delete spec.volumes;
  return spec;
}

export function podTemplateMetadata(context: BuildContext<unknown>, options: WorkloadOptions) {
  return {
    labels: {
      ...standardLabels(context.name, options.name),
      ...options.podLabels,
      ...selectorLabels(context.name, options.name),
    },
    ...(options.podAnnotations ? { annotations: options.podAnnotations } : {}),
  };
}

export function workloadMetadata(context: BuildContext<unknown>, options: WorkloadOptions) {
  // Argo CD reads the wave with strconv.Atoi and silently falls back to wave 0 on anything else.
  if (options.stage !== undefined && !Number.isInteger(options.stage)) {
    throw new PlatformError({
      path: `${options.name}.stage`,
      message: `a first-sync stage must be an integer, got ${options.stage}`,
    });
  }
  const annotations = {
    ...options.annotations,
    ...stageAnnotations(options.stage),
  };
  return {
    name: options.name,
    namespace: context.namespace,
    labels: standardLabels(context.name, options.name),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
}
