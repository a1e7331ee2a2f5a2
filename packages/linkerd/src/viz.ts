import type { ICertificate } from '@platform/cert-manager';
import { applyPatch, type BuildContext, type DeepPartial, defineComponent, type Patch } from '@platform/core';
import { LINKERD_NAMESPACE, VIZ_CHART, VIZ_NAMESPACE } from './chart.js';
import { checkVizConfig } from './check.js';
import { type LinkerdVizConfig, vizDefaults } from './config.js';
import { servingCertificates } from './identity.js';
import { type LinkerdResources, linkerdResources } from './linkerd-resources.js';
import { vizNetwork } from './network.js';
import { vizSync } from './sync.js';

/** tap and tap-injector: their Services and the Secrets the chart mounts with `externalSecret` (`templates/tap.yaml:152`, `tap-injector.yaml:137`). */
const VIZ_WEBHOOKS = [
  { key: 'tap', service: 'tap', secret: 'tap-k8s-tls' },
  { key: 'tap_injector', service: 'tap-injector', secret: 'tap-injector-k8s-tls' },
] as const;

interface VizWorkload {
  replicas?: number;
  resources: LinkerdResources;
}

/** The subset of `linkerd-viz` (2026.6.3) values this package sets. */
export interface VizValues {
  linkerdNamespace: string;
  clusterDomain: string;
  identityTrustDomain: string;
  /** The Job only labels the namespace, which the platform renders itself (`linkerd.io/extension: viz`). */
  createNamespaceMetadataJob: false;
  enablePodDisruptionBudget: boolean;
  enablePodAntiAffinity: boolean;
  metricsAPI: VizWorkload;
  tap: VizWorkload & { externalSecret: true; injectCaFrom: string };
  tapInjector: VizWorkload & { externalSecret: true; injectCaFrom: string };
  dashboard: VizWorkload;
  prometheus: { enabled: boolean; resources: LinkerdResources };
}

/** Values of `linkerd-viz`, with `extraValues` deep-merged last. */
function vizValues({ namespace, config, environment, peers }: BuildContext<LinkerdVizConfig>): VizValues {
  const resources = linkerdResources(config.resources);
  const workload = (): VizWorkload => ({ replicas: config.replicas, resources });
  const values: VizValues = {
    linkerdNamespace: peers.namespaceOf(config.controlPlaneComponent) ?? LINKERD_NAMESPACE,
    clusterDomain: environment.settings.clusterDomain,
    identityTrustDomain: environment.settings.clusterDomain,
    createNamespaceMetadataJob: false,
    enablePodDisruptionBudget: config.replicas > 1,
    enablePodAntiAffinity: config.replicas > 1,
    metricsAPI: workload(),
    tap: { ...workload(), externalSecret: true, injectCaFrom: `${namespace}/tap` },
    tapInjector: { ...workload(), externalSecret: true, injectCaFrom: `${namespace}/tap-injector` },
    dashboard: workload(),
    prometheus: { enabled: config.prometheus, resources: linkerdResources(config.prometheusResources) },
  };
  return applyPatch<VizValues>(values, config.extraValues as Patch<VizValues>);
}

/** tap's and tap-injector's serving certificates from the platform CA (else the chart generates a CA per render). */
function vizCertificates(context: BuildContext<LinkerdVizConfig>): Record<string, ICertificate> {
  return servingCertificates(
    context,
    VIZ_WEBHOOKS,
    context.config.certificates,
    "linkerd-viz's tap APIs serve certificates from the platform CA",
  );
}

const linkerdVizComponent = defineComponent({
  name: 'linkerd-viz',
  tier: 'platform',
  defaults: vizDefaults,
  check: checkVizConfig,
  dependsOn: ({ config }) => [config.controlPlaneComponent],
  build: (context) => vizCertificates(context),
  helm: (context) => ({ ...VIZ_CHART, releaseName: 'linkerd-viz', values: vizValues(context) }),
  network: ({ config }) => vizNetwork(config.controlPlaneComponent),
  sync: vizSync,
});

/**
 * `linkerd-viz` (tier `platform`, namespace `linkerd-viz`, meshed), optional: metrics-api, tap, the web dashboard
 * and its own short-lived Prometheus, which `linkerd viz stat/top/tap` and the dashboard read. Add `linkerd-viz`
 * to `settings.metricsScraperNamespaces` so that its Prometheus may scrape every proxy's admin port.
 */
export function linkerdViz(config?: DeepPartial<LinkerdVizConfig>): ReturnType<typeof linkerdVizComponent> {
  return linkerdVizComponent(config)
    .inNamespace(VIZ_NAMESPACE)
    .mixin((object) => {
      if (object.apiVersion !== 'v1' || object.kind !== 'Namespace') return;
      // The label the namespace-metadata Job would set (linkerd-viz `templates/namespace.yaml:10`).
      object.metadata = { ...object.metadata, labels: { ...object.metadata?.labels, 'linkerd.io/extension': 'viz' } };
    });
}
