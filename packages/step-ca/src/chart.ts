import { pinnedChart } from '@platform/core';
import * as chartFacts from './step-issuer-chart-values.generated.js';

/**
 * step-issuer's chart, pinned: `step-issuer` 1.11.0 (step-issuer v0.11.0) from smallstep's Helm repository
 * (smallstep/helm-charts, gh-pages index.yaml lists step-issuer-1.11.0.tgz; source at commit 6267287).
 */
export const STEP_ISSUER_CHART = pinnedChart('https://smallstep.github.io/helm-charts', chartFacts);

/** Helm release name; the chart names its objects `<release>` when the release contains the chart name. */
export const RELEASE_NAME = 'step-issuer';
/** Labels the chart puts on step-issuer's pods (templates/_helpers.tpl selectorLabels, deployment.yaml). */
export const STEP_ISSUER_POD_LABELS = {
  'app.kubernetes.io/name': 'step-issuer',
  'control-plane': 'controller-manager',
};
/** The image the chart pulls (values.yaml `image.repository`), tag the chart's appVersion. */
export const STEP_ISSUER_IMAGE = 'cr.step.sm/smallstep/step-issuer';
