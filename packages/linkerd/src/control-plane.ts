import { type DeepPartial, defineComponent } from '@platform/core';
import { alerts } from './alerts.js';
import { CONTROL_PLANE_CHART, LINKERD_NAMESPACE } from './chart.js';
import { checkConfig } from './check.js';
import { defaults, type LinkerdConfig } from './config.js';
import { linkerdDashboards } from './dashboards.js';
import { identityIssuer, webhookCertificates } from './identity.js';
import { controlPlaneNetwork } from './network.js';
import { CONTROL_PLANE_OUTSIDE_MESH, linkerdServiceMesh } from './service-mesh.js';
import { controlPlaneSync } from './sync.js';
import { controlPlaneValues } from './values.js';

const linkerdControlPlaneComponent = defineComponent({
  name: 'linkerd-control-plane',
  tier: 'operators',
  defaults,
  check: checkConfig,
  dependsOn: ({ config }) => [config.crdsComponent, config.cniComponent, config.trustComponent],
  provides: (context) => ({
    serviceMesh: linkerdServiceMesh({ component: context.name, namespace: context.namespace }),
    dashboards: linkerdDashboards(context),
  }),
  build: (context) => ({
    identity_issuer_certificate: identityIssuer(context),
    ...webhookCertificates(context),
    ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
  }),
  helm: (context) => ({
    ...CONTROL_PLANE_CHART,
    releaseName: 'linkerd-control-plane',
    values: controlPlaneValues(context),
  }),
  network: controlPlaneNetwork,
  sync: controlPlaneSync,
});

/**
 * `linkerd-control-plane` (tier `operators`, in the `linkerd` namespace that `linkerd-crds` owns): destination,
 * identity and the proxy injector from the upstream chart, the identity issuer from cert-manager (signed by a
 * trust anchor of `linkerd-identity-trust`), the webhooks' serving certificates, alerts and dashboards. Provides
 * `serviceMesh` (the core follows `settings.mesh: 'linkerd'` with it) and `dashboards`.
 */
export function linkerdControlPlane(
  config?: DeepPartial<LinkerdConfig>,
): ReturnType<typeof linkerdControlPlaneComponent> {
  return linkerdControlPlaneComponent(config)
    .inNamespace(LINKERD_NAMESPACE, { create: false })
    .mixin(CONTROL_PLANE_OUTSIDE_MESH);
}
