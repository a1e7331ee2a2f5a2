import { pinnedChart } from '@platform/core';
import * as chartFacts from './goldilocks-chart-values.generated.js';

/**
 * Goldilocks' upstream chart, pinned: FairwindsOps/charts `stable/goldilocks` version 10.6.0 (commit 50d635a0,
 * appVersion v4.14.1, the last version whose application release could be read; 11.0.0 moves to v4.16.1).
 */
export const GOLDILOCKS_CHART = pinnedChart('https://charts.fairwinds.com/stable', chartFacts);

/** Helm release name: the chart names the dashboard `goldilocks-dashboard` after it. */
export const GOLDILOCKS_RELEASE = 'goldilocks';

/** The image the chart runs (values.yaml `image.repository`; its tag is the chart's `image.tag`, v4.14.1). */
export const GOLDILOCKS_IMAGE = 'us-docker.pkg.dev/fairwinds-ops/oss/goldilocks';

/** The dashboard's pods (templates/dashboard-deployment.yaml selector). */
export const DASHBOARD_PODS = {
  'app.kubernetes.io/name': 'goldilocks',
  'app.kubernetes.io/instance': GOLDILOCKS_RELEASE,
  'app.kubernetes.io/component': 'dashboard',
};

/** The dashboard's Service, its port and the container port behind it (templates/dashboard-service.yaml). */
export const DASHBOARD_SERVICE = { name: `${GOLDILOCKS_RELEASE}-dashboard`, port: 80, targetPort: 'http' } as const;
