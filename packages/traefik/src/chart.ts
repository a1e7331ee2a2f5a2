import type { Chart } from '@platform/core';
import {
  CHART_CLUSTER_KINDS,
  CHART_CONDITION_DEFAULTS,
  CHART_CRDS,
  CHART_NAME,
  CHART_VALUE_PATHS,
  CHART_VERSION,
} from './chart-values.generated.js';

/**
 * The upstream chart, pinned: traefik-helm-chart v41.3.0 ships Traefik v3.7.11 (`traefik/Chart.yaml` appVersion)
 * and the `traefik.io` CRDs in `crds/`, identical to Traefik v3.7.9's `kubernetes-crd-definition-v1.yml` that the
 * kinds of this package are generated from.
 *
 * `service.spec.*` is added to the derived paths: the chart renders `toYaml .service.spec` for every Service
 * (`templates/_service.tpl:22-24`), but reaches it through `set`/`omit` on `.Values.service`
 * (`templates/service.yaml:1-2`), which the derivation does not follow, so it lists only `service.spec.type`.
 */
export const CHART = {
  repoURL: 'https://traefik.github.io/charts',
  chart: CHART_NAME,
  version: CHART_VERSION,
  facts: {
    valuePaths: [...CHART_VALUE_PATHS, 'service.spec.*'].sort(),
    crds: CHART_CRDS,
    clusterKinds: CHART_CLUSTER_KINDS,
    conditionDefaults: CHART_CONDITION_DEFAULTS,
  },
} as const satisfies Chart;

/** The Traefik version chart {@link CHART} installs. */
export const APP_VERSION = 'v3.7.11';

/** Helm release name; with the namespace it makes the pods' `app.kubernetes.io/instance` (`<release>-<namespace>`). */
export const RELEASE_NAME = 'traefik';

/** Default namespace of the controller. */
export const TRAEFIK_NAMESPACE = 'traefik';

/** Container ports of the chart's entrypoints (`values.yaml` `ports.*.port`): web, websecure, metrics, traefik (ping). */
export const PORTS = { web: 8000, websecure: 8443, metrics: 9100, traefik: 8080 } as const;

/** Entrypoint routes attach to: HTTPS only, `web` redirects. */
export const HTTPS_ENTRYPOINT = 'websecure';

/** The controller's pod labels (`templates/_helpers.tpl:90-99`: chart name and `<release>-<namespace>`). */
export function traefikPods(namespace: string): Record<string, string> {
  return { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': `${RELEASE_NAME}-${namespace}` };
}

/** Registry the chart pulls Traefik from by default (`templates/_helpers.tpl:32-35`). */
export const DEFAULT_IMAGE_REGISTRY = 'docker.io';
