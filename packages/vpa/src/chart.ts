import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned: kubernetes/autoscaler tag `vertical-pod-autoscaler-chart-0.11.0`,
 * `vertical-pod-autoscaler/charts/vertical-pod-autoscaler/Chart.yaml` (version 0.11.0, appVersion 1.7.1),
 * published to the autoscaler chart repository.
 */
export const CHART = pinnedChart('https://kubernetes.github.io/autoscaler', chartFacts);

/** Helm release name; with `fullnameOverride: vpa` the chart names its objects `vpa-recommender` ... */
export const RELEASE_NAME = 'vpa';

/** The pods of each part (chart `vertical-pod-autoscaler.<part>.selectorLabels`). */
export function partPods(part: 'recommender' | 'updater' | 'admission-controller'): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'vertical-pod-autoscaler',
    'app.kubernetes.io/instance': RELEASE_NAME,
    'app.kubernetes.io/component': part,
  };
}

/** Container port of the admission webhook (templates/admission-controller-deployment.yaml). */
export const WEBHOOK_PORT = 8000;
/** The MutatingWebhookConfiguration the chart renders (`<fullname>-webhook-config`). */
export const WEBHOOK_CONFIGURATION = `${RELEASE_NAME}-webhook-config`;
