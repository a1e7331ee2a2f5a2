import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned. Chart 10.1.1 ships Argo CD v3.4.4: it is the newest argo-helm release that could be
 * confirmed (argo-helm's index up to 2026-07-02); no chart with appVersion v3.5.1 could be confirmed yet.
 */
export const CHART = pinnedChart('https://argoproj.github.io/argo-helm', chartFacts);

/** The Argo CD version chart {@link CHART} installs (its `appVersion`). */
export const APP_VERSION = 'v3.4.4';

/**
 * Helm release name. With the chart's `nameOverride: argocd`, a release named `argocd` gives the conventional
 * object names (`argocd-server`, `argocd-repo-server` ...) that Argo CD's docs and CLI assume.
 */
export const RELEASE_NAME = 'argocd';

/** Namespace Argo CD runs in: the delivery objects' default (`delivery.argocdNamespace`). */
export const ARGOCD_NAMESPACE = 'argocd';

/** Port of argocd-server's pods (chart `server.containerPorts.server`); its Service's 80 and 443 target it. */
export const SERVER_PORT = 8080;

/** Pod labels of argocd-server (`app.kubernetes.io/name: <nameOverride>-<server.name>`). */
export const SERVER_POD_LABELS = { 'app.kubernetes.io/name': 'argocd-server' };

/** Image repositories of chart 10.1.1 (and its redis-ha 4.38.0 dependency), for pulling through a mirror. */
export const IMAGE_REPOSITORIES = {
  argocd: 'quay.io/argoproj/argocd',
  dex: 'ghcr.io/dexidp/dex',
  redis: 'ecr-public.aws.com/docker/library/redis',
  haproxy: 'ecr-public.aws.com/docker/library/haproxy',
} as const;
