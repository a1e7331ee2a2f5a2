import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';
import { CHART_NAME } from './chart-values.generated.js';

/** Repository of both upstream charts (cloudnative-pg/charts README: `helm repo add cnpg ...`). */
const CHARTS_REPO = 'https://cloudnative-pg.github.io/charts';

/** The operator chart, pinned: `cloudnative-pg` 0.29.0 ships operator 1.30.0 (its `appVersion`). */
export const CHART = pinnedChart(CHARTS_REPO, chartFacts);

/** The operator version chart {@link CHART} installs; the CRDs of `src/kinds/` are this tag's. */
export const OPERATOR_VERSION = '1.30.0';

/** Operator image repository (chart `image.repository`); the tag defaults to the chart's appVersion. */
export const OPERATOR_IMAGE_REPOSITORY = 'ghcr.io/cloudnative-pg/cloudnative-pg';

/**
 * Helm release of the operator. The chart names its objects after the release when the release name contains
 * the chart name (`cloudnative-pg.fullname`), so the Deployment is `cloudnative-pg`.
 */
export const RELEASE_NAME = 'cloudnative-pg';

/** Namespace of the operator and its plugins (the plugin must share it: plugin-barman-cloud installation docs). */
export const OPERATOR_NAMESPACE = 'cnpg-system';

/** Labels of the operator's pods (chart `cloudnative-pg.selectorLabels`: chart name and release name). */
export const OPERATOR_POD_LABELS = {
  'app.kubernetes.io/name': CHART_NAME,
  'app.kubernetes.io/instance': RELEASE_NAME,
} as const;

/** The operator's webhook port (chart `webhook.port`), called by the API server. */
export const WEBHOOK_PORT = 9443;

/** The webhook configurations whose `caBundle` the operator writes at run time (chart templates). */
export const WEBHOOK_CONFIGURATIONS = {
  mutating: 'cnpg-mutating-webhook-configuration',
  validating: 'cnpg-validating-webhook-configuration',
} as const;
