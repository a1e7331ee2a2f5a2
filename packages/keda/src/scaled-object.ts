import {
  type AutoscalingOptions,
  type BuildContext,
  PlatformError,
  type Problem,
  stageAnnotations,
  standardLabels,
} from '@platform/core';
import type { IScaledObject } from './kinds.js';
import { kedaTrigger, type Trigger, triggerProblems } from './triggers.js';

/** How KEDA scales one workload. */
export interface KedaScaling {
  /**
   * Fewest replicas. 0 scales the workload to zero while no trigger is active (above its activation value): for
   * consumers that nothing calls synchronously (queue and stream workers, batch), whose demand is measured
   * outside their own pods.
   */
  min: number;
  /** Most replicas, at least 1 and at least `min`. */
  max: number;
  /** What to scale on; the largest replica count any trigger asks for wins. At least one. */
  triggers: Trigger[];
  /** Seconds between trigger checks. Default 30 (KEDA's). */
  pollingInterval?: number;
  /** Seconds after the last active trigger before scaling to `min` when it is 0. Default 300 (KEDA's). */
  cooldownPeriod?: number;
}

/** What a KEDA-scaled workload tells the workload helpers: no `replicas`, PDB and spread by `max`, no HPA of its own. */
export function kedaAutoscaling(scaling: Pick<KedaScaling, 'min' | 'max'>): AutoscalingOptions {
  return { scaler: 'external', min: scaling.min, max: scaling.max };
}

/** What is wrong with a scaling, with paths under `at`. */
export function scalingProblems(scaling: KedaScaling, at: string): Problem[] {
  const problems: Problem[] = [];
  if (!(Number.isInteger(scaling.min) && scaling.min >= 0))
    problems.push({ path: `${at}.min`, message: `expected a whole number of at least 0, got ${scaling.min}` });
  if (!(Number.isInteger(scaling.max) && scaling.max >= Math.max(1, scaling.min)))
    problems.push({
      path: `${at}.max`,
      message: `expected a whole number of at least 1 and at least min (${scaling.min}), got ${scaling.max}`,
    });
  if (scaling.triggers.length === 0)
    problems.push({ path: `${at}.triggers`, message: 'a ScaledObject needs at least one trigger' });
  scaling.triggers.forEach((trigger, i) => {
    problems.push(...triggerProblems(trigger, `${at}.triggers[${i}]`));
  });
  for (const field of ['pollingInterval', 'cooldownPeriod'] as const) {
    const value = scaling[field];
    if (value !== undefined && !(Number.isInteger(value) && value >= 1))
      problems.push({ path: `${at}.${field}`, message: `expected whole seconds of at least 1, got ${value}` });
  }
  return problems;
}

/**
 * The ScaledObject that scales a workload (give the workload `autoscaling: kedaAutoscaling(scaling)`, so it
 * renders without `replicas`). KEDA creates and owns the HorizontalPodAutoscaler; the ScaledObject carries the
 * workload's first-sync stage, since Argo CD reports one whose target does not exist yet as Degraded
 * (resource_customizations/keda.sh/ScaledObject/health.lua: Ready False).
 *
 * ```ts
 * const scaling = { min: 0, max: 20, triggers: [{ type: 'aws-sqs-queue', queueUrl, region, auth: { name: 'orders-sqs' } }] };
 * deployment(context, { name: 'worker', containers, autoscaling: kedaAutoscaling(scaling) });
 * scaledObject(context, { kind: 'Deployment', name: 'worker' }, scaling);
 * ```
 */
export function scaledObject(
  context: BuildContext<unknown>,
  target: { kind: 'Deployment' | 'StatefulSet'; name: string; stage?: number },
  scaling: KedaScaling,
): IScaledObject {
  const problems = scalingProblems(scaling, `${target.name}.scaling`);
  if (problems.length > 0) throw new PlatformError(problems);
  const annotations = stageAnnotations(target.stage);
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: {
      name: target.name,
      namespace: context.namespace,
      labels: standardLabels(context.name, target.name),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: target.kind, name: target.name },
      minReplicaCount: scaling.min,
      maxReplicaCount: scaling.max,
      ...(scaling.pollingInterval !== undefined ? { pollingInterval: scaling.pollingInterval } : {}),
      ...(scaling.cooldownPeriod !== undefined ? { cooldownPeriod: scaling.cooldownPeriod } : {}),
      triggers: scaling.triggers.map((trigger) => kedaTrigger(context, trigger)),
    },
  };
}
