import type { KindDefinition } from '@platform/core';
import { AUTOSCALING_LISTENER_KIND } from './kinds/autoscaling-listener.generated.js';
import { AUTOSCALING_RUNNER_SET_KIND } from './kinds/autoscaling-runner-set.generated.js';
import { EPHEMERAL_RUNNER_KIND } from './kinds/ephemeral-runner.generated.js';
import { EPHEMERAL_RUNNER_SET_KIND } from './kinds/ephemeral-runner-set.generated.js';

export type { IAutoscalingListener } from './kinds/autoscaling-listener.generated.js';
export type { IAutoscalingRunnerSet } from './kinds/autoscaling-runner-set.generated.js';
export type { IEphemeralRunner } from './kinds/ephemeral-runner.generated.js';
export type { IEphemeralRunnerSet } from './kinds/ephemeral-runner-set.generated.js';

/**
 * The actions.github.com/v1alpha1 kinds, generated from the CRDs of chart gha-runner-scale-set-controller 0.14.2
 * (`pnpm crd-schemas`): registered so that any of them an environment renders (`.addObjects()`) is validated
 * against the upstream schema like every other kind.
 */
export const ARC_KINDS: readonly KindDefinition[] = [
  AUTOSCALING_LISTENER_KIND,
  AUTOSCALING_RUNNER_SET_KIND,
  EPHEMERAL_RUNNER_KIND,
  EPHEMERAL_RUNNER_SET_KIND,
];
