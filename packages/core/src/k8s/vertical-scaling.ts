/**
 * Vertical Pod Autoscaler recommendations for the workload helpers' Deployments, StatefulSets and DaemonSets.
 * When the environment has a VPA (the `verticalScaling` capability, `@platform/vpa`), every helper-built
 * workload gets a `<part>_vpa` in update mode `Off`: the recommender publishes what the pods use, nothing is
 * restarted, and requests are changed by a person, in git, from the recommendations.
 *
 * (An environment mixin cannot do this: a mixin maps one object to one object, `model/mixin.ts`, and cannot
 * add one; the helpers are where every workload is built, so they are where "every workload" is exact.)
 */
import type { EndpointOwner } from '../model/capabilities.js';
import type { BuildContext } from '../model/definition.js';
import type { Problem } from '../model/errors.js';
import type { IObjectMeta } from '../model/objects.js';
import { type AutoscalingOptions, autoscalingTargets } from './autoscaling.js';
import { standardLabels } from './labels.js';

/**
 * What the VPA does with its recommendations (`spec.updatePolicy.updateMode`, VPA 1.7): `Off` only
 * recommends; `Initial` sets requests when pods are created; `Recreate` and `Auto` also evict running pods;
 * `InPlace` and `InPlaceOrRecreate` resize them in place (falling back to eviction).
 */
export type VpaUpdateMode = 'Off' | 'Initial' | 'Recreate' | 'InPlaceOrRecreate' | 'InPlace' | 'Auto';

/** The environment's Vertical Pod Autoscaler, as the workload helpers need it. */
export interface VerticalScaling extends EndpointOwner {
  /**
   * The update modes the installed parts carry out: only `Off` with the recommender alone; the others need
   * the admission controller (`Initial`) and the updater (the evicting and in-place modes).
   */
  updateModes: VpaUpdateMode[];
}

declare module '../model/capabilities.js' {
  interface Capabilities {
    /** The environment's Vertical Pod Autoscaler (`@platform/vpa`): helper-built workloads get a VPA. */
    verticalScaling: VerticalScaling;
  }
}

/** A workload's VerticalPodAutoscaler, when the environment has one. */
export interface VerticalScalingOptions {
  /**
   * Update mode. Default `Off` (recommend only). Anything else restarts or resizes pods by itself, needs the
   * environment to opt in to the VPA's updater and admission controller, and is flagged by `pnpm check`
   * (rule `vpa.active-update-mode` of `@platform/vpa`) unless waived with a reason.
   */
  updateMode?: VpaUpdateMode;
}

/** The VerticalPodAutoscaler objects the helpers render (`autoscaling.k8s.io/v1`). */
export interface VerticalPodAutoscalerObject {
  apiVersion: 'autoscaling.k8s.io/v1';
  kind: 'VerticalPodAutoscaler';
  metadata: IObjectMeta;
  spec: {
    targetRef: { apiVersion: 'apps/v1'; kind: 'Deployment' | 'StatefulSet' | 'DaemonSet'; name: string };
    updatePolicy: { updateMode: VpaUpdateMode };
  };
}

/** A workload's VerticalPodAutoscaler in update mode `Off` unless the workload chooses another. */
export function verticalPodAutoscaler(
  context: Pick<BuildContext<unknown>, 'name' | 'namespace'>,
  target: { kind: 'Deployment' | 'StatefulSet' | 'DaemonSet'; name: string },
  options: VerticalScalingOptions = {},
): VerticalPodAutoscalerObject {
  return {
    apiVersion: 'autoscaling.k8s.io/v1',
    kind: 'VerticalPodAutoscaler',
    metadata: { name: target.name, namespace: context.namespace, labels: standardLabels(context.name, target.name) },
    spec: {
      targetRef: { apiVersion: 'apps/v1', kind: target.kind, name: target.name },
      updatePolicy: { updateMode: options.updateMode ?? 'Off' },
    },
  };
}

/**
 * What is wrong with a workload's VPA: a mode the installed VPA cannot carry out (it would silently only
 * recommend), or an acting VPA on a resource an HPA scales on (the two would fight: the VPA raises requests,
 * utilisation drops, the HPA removes pods).
 */
export function verticalScalingProblems(
  workload: string,
  options: VerticalScalingOptions,
  capability: VerticalScaling,
  autoscaling: AutoscalingOptions | undefined,
): Problem[] {
  const mode = options.updateMode ?? 'Off';
  const path = `${workload}.verticalScaling.updateMode`;
  const problems: Problem[] = [];
  if (!capability.updateModes.includes(mode))
    problems.push({
      path,
      message: `"${mode}" needs the VPA's updater and admission controller, which the environment's ${capability.component} does not run (it carries out ${capability.updateModes.map((m) => `"${m}"`).join(', ')}); opt in there or use "Off"`,
    });
  const scaled = autoscaling ? autoscalingTargets(autoscaling).map((t) => t.resource) : [];
  if (mode !== 'Off' && scaled.length > 0)
    problems.push({
      path,
      message: `"${mode}" changes the requests the workload's HorizontalPodAutoscaler measures ${scaled.join(' and ')} utilisation against, so the two autoscalers would fight; keep "Off" (recommendations only) on autoscaled workloads`,
    });
  return problems;
}
