/**
 * @platform/ci-runners: GitHub's Actions Runner Controller from its upstream charts, with runner scale sets as
 * typed configuration: GitHub App credentials from the platform store, runners restricted, bounded by a
 * ResourceQuota in their own namespace, and on interruptible nodes where the environment has them.
 */

export {
  CONTROLLER_CHART,
  CONTROLLER_IMAGE,
  CONTROLLER_NAME,
  GITHUB_APP_KEYS,
  RUNNER_IMAGE,
  SCALE_SET_CHART,
} from './chart.js';
export type {
  ArcControllerConfig,
  GithubAppCredentials,
  ResourceRequirements,
  RunnerScaleSetConfig,
  StoredValue,
} from './config.js';
export { controllerDefaults, scaleSetDefaults } from './config.js';
export { arcController, CONTROLLER_NAMESPACE } from './controller.js';
export type { IAutoscalingListener, IAutoscalingRunnerSet, IEphemeralRunner, IEphemeralRunnerSet } from './kinds.js';
export { ARC_KINDS } from './kinds.js';
export { runnerQuota } from './quota.js';
export { githubAppSecretName, runnerAffinity, runnerScaleSet } from './scale-set.js';
