import {
  type AutoscalingOptions,
  autoscalingProblems,
  type ConfigChecks,
  describeValue,
  didYouMean,
  isPlainObject,
  type ResourceRequirements,
} from '@platform/core';

/**
 * The `autoscaling` field of a stateless Grafana-database workload's configuration (distributors, queriers,
 * query-frontends, Loki's read path): core's horizontal autoscaling, passed to the workload helper unchanged.
 * Only Deployments offer it: the StatefulSets (ingesters, store-gateways, live-stores ...) own ring tokens,
 * partitions or data that a scale-down would orphan.
 */
export interface AutoscaledWorkloadConfig {
  /**
   * Scale horizontally between `min` and `max` pods on CPU (and memory) utilisation of the container's
   * requests: renders a HorizontalPodAutoscaler and leaves the pod count to it (`replicas` is then ignored and
   * the Deployment renders without `spec.replicas`, so Argo CD never resets the autoscaler's count); the
   * PodDisruptionBudget keeps letting one pod go at a time, which must leave a pod running at `min`.
   * Default: off (a fixed `replicas`).
   */
  autoscaling?: AutoscalingOptions;
}

const FIELDS: ReadonlyArray<keyof AutoscalingOptions> = ['scaler', 'min', 'max', 'cpu', 'memory', 'behavior'];

/**
 * Semantic checks of a workload's `autoscaling` at `path` (e.g. `querier`): the configuration shape leaves the
 * optional field unchecked, so its fields are checked here, then core's bounds, targets and requests, with the
 * configuration's field paths (`querier.autoscaling.max`) rather than the workload's.
 */
export function checkAutoscaling(
  checks: ConfigChecks,
  path: string,
  autoscaling: AutoscalingOptions | undefined,
  resources: ResourceRequirements,
): void {
  if (autoscaling === undefined) return;
  if (!isPlainObject(autoscaling)) {
    checks.require(
      false,
      `${path}.autoscaling`,
      `expected an object { min, max, cpu }, got ${describeValue(autoscaling)}`,
    );
    return;
  }
  for (const key of Object.keys(autoscaling))
    checks.require(
      (FIELDS as string[]).includes(key),
      `${path}.autoscaling.${key}`,
      `unknown field${didYouMean(key, [...FIELDS])}; known fields: ${[...FIELDS].sort().join(', ')}`,
    );
  if (autoscaling.scaler !== undefined)
    checks.oneOf(`${path}.autoscaling.scaler`, autoscaling.scaler, ['hpa', 'external']);
  checks.require(autoscaling.min !== undefined, `${path}.autoscaling.min`, 'is required: the fewest pods to run');
  checks.require(autoscaling.max !== undefined, `${path}.autoscaling.max`, 'is required: the most pods to run');
  // Every Grafana-database Deployment has one container, sized by the section's `resources`. Its PDB lets one
  // pod go (`maxUnavailable: 1`), which leaves pods running at any valid `min`, so there is no budget to check.
  for (const problem of autoscalingProblems(path, autoscaling, [{ name: path, resources }], undefined))
    checks.require(false, problem.path ?? `${path}.autoscaling`, problem.message);
}
