import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned: external-dns chart 1.21.1 (tag `external-dns-helm-chart-1.21.1`) ships external-dns
 * v0.21.0 (`charts/external-dns/Chart.yaml` appVersion) and the DNSEndpoint CRD in `crds/`.
 */
export const CHART = pinnedChart('https://kubernetes-sigs.github.io/external-dns', chartFacts);

/** The external-dns version chart {@link CHART} installs. */
export const APP_VERSION = 'v0.21.0';

/** Helm release name. */
export const RELEASE_NAME = 'external-dns';

/** external-dns's pod labels (`templates/_helpers.tpl:61-64`). */
export const POD_LABELS = { 'app.kubernetes.io/name': 'external-dns', 'app.kubernetes.io/instance': RELEASE_NAME };

/** Image repository the chart pulls by default (`values.yaml` `image.repository`). */
export const IMAGE_REPOSITORY = 'registry.k8s.io/external-dns/external-dns';
