/**
 * Horizontal autoscaling of the workload helpers' Deployments and StatefulSets: the `autoscaling/v2`
 * HorizontalPodAutoscaler, and what a workload must satisfy for it to work.
 *
 * A workload with `autoscaling` renders without `spec.replicas`, rather than with `replicas` plus an
 * `ignoreDifferences` on `/spec/replicas`, because of how Argo CD (v3.4.4) diffs and syncs:
 * - the platform's Applications diff server-side (`ServerSideDiff=true`): the desired object is dry-run applied
 *   as Argo CD's field manager and compared with the live one (gitops-engine/pkg/diff/diff.go:165-224), so a
 *   field the desired object leaves out stays whatever its owner (the HPA, through the scale subresource) set,
 *   and never shows as a difference; client-side three-way diffs likewise only touch fields in the desired
 *   object or in last-applied-configuration (diff.go:715-748, :796-844);
 * - `ignoreDifferences` changes the diff only: "during the sync stage, the desired state is applied as-is"
 *   unless the Application also sets `RespectIgnoreDifferences=true`, which is "only effective when the
 *   resource is already created" (docs/user-guide/sync-options.md:411-431). Every sync (and self-heal) of a
 *   component would scale its workloads back to the rendered count first, and the option would have to be
 *   remembered per Application.
 * Leaving the field out also keeps the rendered output engine-neutral. One cost, documented by Kubernetes
 * ("Migrating Deployments and StatefulSets to horizontal autoscaling",
 * https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/): when an existing workload gains
 * autoscaling, a client-side apply removes `spec.replicas` once, the count falls to the default 1, and the HPA
 * scales it back to `min` within its sync period.
 */
import type { BuildContext } from '../model/definition.js';
import type { Problem } from '../model/errors.js';
import { describeValue } from '../model/errors.js';
import { stageAnnotations } from '../model/stage.js';
import type { IContainer, IHorizontalPodAutoscaler } from '../registry/kubernetes-types.js';
import { standardLabels } from './labels.js';

/** The scaling behaviour of an HPA (`spec.behavior`), as Kubernetes takes it. */
export type AutoscalingBehavior = NonNullable<IHorizontalPodAutoscaler['spec']>['behavior'];

/**
 * Horizontal autoscaling of a Deployment or StatefulSet on CPU and memory utilisation. The workload renders
 * without `replicas` (the autoscaler owns the count) and with a `<part>_hpa`.
 */
export interface AutoscalingOptions {
  /**
   * Which autoscaler owns the count: `hpa` renders the HorizontalPodAutoscaler here; `external` means another
   * controller creates it (KEDA's `scaledObject()` of `@platform/keda`, which may scale to zero), so only the
   * workload side is rendered: no `replicas`, PodDisruptionBudget and spread by `max`. Default `hpa`.
   */
  scaler?: 'hpa' | 'external';
  /** Fewest replicas (`minReplicas`): at least 1 for `hpa`; 0 (scale to zero) is allowed for `external`. */
  min: number;
  /** Most replicas (`maxReplicas`), at least `min`. */
  max: number;
  /**
   * Target average CPU use in percent of the pods' CPU requests. Default 80 when `memory` is not given either
   * (the upstream default of an HPA without metrics), otherwise none.
   */
  cpu?: number;
  /** Target average memory use in percent of the pods' memory requests. Default none. */
  memory?: number;
  /** Scale-up and scale-down policies (`spec.behavior`). Default: Kubernetes' (scale down after 5 minutes of lower use). */
  behavior?: AutoscalingBehavior;
}

/** CPU target of an autoscaled workload that names neither resource: the HPA's own default. */
export const DEFAULT_CPU_UTILIZATION = 80;

/** The resources an autoscaler targets, with their utilisation in percent, in the order the HPA lists them. */
export function autoscalingTargets(
  autoscaling: AutoscalingOptions,
): Array<{ resource: 'cpu' | 'memory'; utilization: number }> {
  const targets: Array<{ resource: 'cpu' | 'memory'; utilization: number }> = [];
  const cpu = autoscaling.cpu ?? (autoscaling.memory === undefined ? DEFAULT_CPU_UTILIZATION : undefined);
  if (cpu !== undefined) targets.push({ resource: 'cpu', utilization: cpu });
  if (autoscaling.memory !== undefined) targets.push({ resource: 'memory', utilization: autoscaling.memory });
  return targets;
}

/**
 * How many pods a PodDisruptionBudget's `maxUnavailable` lets go at once from `pods` pods: percentages round
 * up, as the disruption controller scales them.
 */
export function evictablePods(maxUnavailable: number | string, pods: number): number | undefined {
  if (typeof maxUnavailable === 'number') return maxUnavailable;
  const match = /^(\d+)%$/.exec(maxUnavailable);
  return match ? Math.ceil((Number(match[1]) * pods) / 100) : undefined;
}

/**
 * What is wrong with a workload's autoscaling: bounds, targets, containers without the requests the targets
 * are relative to (the HPA computes no utilisation for such pods and never scales), and a PodDisruptionBudget
 * that would let every pod go at once when the workload runs at `min`.
 */
export function autoscalingProblems(
  workload: string,
  autoscaling: AutoscalingOptions,
  containers: readonly IContainer[],
  maxUnavailable: number | string | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string) => `${workload}.autoscaling.${field}`;
  const whole = (field: 'min' | 'max' | 'cpu' | 'memory', value: number | undefined, min: number) => {
    if (value !== undefined && !(Number.isInteger(value) && value >= min))
      problems.push({
        path: at(field),
        message: `expected a whole number of at least ${min}, got ${describeValue(value)}`,
      });
  };
  const external = autoscaling.scaler === 'external';
  whole('min', autoscaling.min, external ? 0 : 1);
  whole('max', autoscaling.max, 1);
  whole('cpu', autoscaling.cpu, 1);
  whole('memory', autoscaling.memory, 1);
  for (const field of ['cpu', 'memory', 'behavior'] as const) {
    if (external && autoscaling[field] !== undefined)
      problems.push({
        path: at(field),
        message: 'belongs to the external scaler (its own triggers and behaviour), not to the workload',
      });
  }
  if (Number.isInteger(autoscaling.min) && Number.isInteger(autoscaling.max) && autoscaling.max < autoscaling.min)
    problems.push({ path: at('max'), message: `must be at least min (${autoscaling.min}), got ${autoscaling.max}` });
  for (const { resource } of autoscalingTargets(autoscaling)) {
    const missing = containers.filter((c) => c.resources?.requests?.[resource] === undefined).map((c) => c.name);
    if (missing.length > 0)
      problems.push({
        path: at(resource),
        message: `scales on ${resource} utilisation, but container${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')} request${missing.length > 1 ? '' : 's'} no ${resource}; the autoscaler computes utilisation only when every container requests it`,
      });
  }
  if (maxUnavailable !== undefined && autoscaling.min > 1) {
    const evictable = evictablePods(maxUnavailable, autoscaling.min);
    if (evictable !== undefined && evictable >= autoscaling.min)
      problems.push({
        path: `${workload}.pdb.maxUnavailable`,
        message: `lets ${evictable} of the ${autoscaling.min} pods the workload runs at autoscaling.min go at once, so a node drain may take every pod; use fewer than ${autoscaling.min}`,
      });
  }
  return problems;
}

/** The `autoscaling/v2` HorizontalPodAutoscaler of a workload, in the workload's first-sync stage. */
export function horizontalPodAutoscaler(
  context: Pick<BuildContext<unknown>, 'name' | 'namespace'>,
  target: { kind: 'Deployment' | 'StatefulSet'; name: string; stage?: number },
  autoscaling: AutoscalingOptions,
): IHorizontalPodAutoscaler {
  // Same stage as the workload: Argo CD reports an HPA whose target does not exist yet as Degraded
  // (AbleToScale/FailedGetScale), which would stop an earlier stage for ever.
  const annotations = stageAnnotations(target.stage);
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: target.name,
      namespace: context.namespace,
      labels: standardLabels(context.name, target.name),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: target.kind, name: target.name },
      minReplicas: autoscaling.min,
      maxReplicas: autoscaling.max,
      metrics: autoscalingTargets(autoscaling).map(({ resource, utilization }) => ({
        type: 'Resource',
        resource: { name: resource, target: { type: 'Utilization', averageUtilization: utilization } },
      })),
      ...(autoscaling.behavior ? { behavior: autoscaling.behavior } : {}),
    },
  };
}
