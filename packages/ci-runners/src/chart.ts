import { pinnedChart } from '@platform/core';
import * as controllerFacts from './controller-chart-values.generated.js';
import * as scaleSetFacts from './scale-set-chart-values.generated.js';

/**
 * The charts, pinned: actions/actions-runner-controller at tag `gha-runner-scale-set-0.14.2`,
 * `charts/gha-runner-scale-set-controller` and `charts/gha-runner-scale-set` (Chart.yaml `version: 0.14.2`,
 * `appVersion: "0.14.2"`), published as OCI artifacts under ghcr.io/actions/actions-runner-controller-charts.
 */
export const CONTROLLER_CHART = pinnedChart('oci://ghcr.io/actions/actions-runner-controller-charts', controllerFacts);
export const SCALE_SET_CHART = pinnedChart('oci://ghcr.io/actions/actions-runner-controller-charts', scaleSetFacts);

/** The controller image at the chart's appVersion (values.yaml `image.repository`; the default tag is the appVersion). */
export const CONTROLLER_IMAGE = {
  repository: 'ghcr.io/actions/gha-runner-scale-set-controller',
  tag: '0.14.2',
} as const;

/**
 * The controller's image runs as 65532 (`Dockerfile:57` at the tag, distroless `nonroot`); the listener pods it
 * creates run the same image.
 */
export const CONTROLLER_USER = 65532;

/**
 * The runner image: actions/runner v2.334.0, the version ARC 0.14.2 builds and tests against (`Makefile:9`
 * `RUNNER_VERSION ?= 2.334.0`); it runs as `runner`, uid 1001 (actions/runner `images/Dockerfile:57,72`).
 */
export const RUNNER_IMAGE = 'ghcr.io/actions/actions-runner:2.334.0';
export const RUNNER_USER = 1001;

/**
 * The controller's name: `fullnameOverride`, so its Deployment, ServiceAccount and roles are `arc-controller`
 * whatever the release (the chart's default is `<release>-gha-rs-controller`, `_helpers.tpl:30-44`).
 */
export const CONTROLLER_NAME = 'arc-controller';

/** Keys the chart reads from a `githubConfigSecret` for GitHub App authentication (`githubsecret.yaml:47-55`). */
export const GITHUB_APP_KEYS = {
  appId: 'github_app_id',
  installationId: 'github_app_installation_id',
  privateKey: 'github_app_private_key',
} as const;
