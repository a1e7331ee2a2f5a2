import type { EndpointOwner, Mixin, ServiceMesh } from '@platform/core';
import { outsideMesh } from '@platform/core';
import { PORTS } from './chart.js';

declare module '@platform/core' {
  interface Meshes {
    /** Linkerd (`@platform/linkerd`): proxies injected by the control plane's injector, mTLS on by default. */
    linkerd: true;
  }
}

/**
 * What a namespace needs to join Linkerd, at edge-26.6.3 (the facts the core applies to every namespace):
 *
 * - the injector injects a pod when its namespace's `linkerd.io/inject` annotation is `enabled`
 *   (`pkg/inject/report.go:201-218`, `pkg/k8s/labels.go:102-114`); its webhook is not even called for namespaces
 *   labelled `config.linkerd.io/admission-webhooks=disabled` (`proxyInjector.namespaceSelector`,
 *   linkerd-control-plane `values.yaml:522-533`), so a namespace outside the mesh carries both and a
 *   control-plane outage (failurePolicy Fail, HA) cannot stop its pods;
 * - with the default `outboundTransportMode: transport-header` (`values.yaml:253`) the destination controller
 *   hints every meshed endpoint to the proxy's inbound port (`controller/cmd/destination/main.go:176-185`,
 *   `controller/api/destination/endpoint_translator.go:455-461`), 4143 (`values.yaml:171`): meshed clients
 *   connect there, not to the application's port, so NetworkPolicies open it beside the application's;
 * - proxies call destination on 8086, policy on 8090 and identity on 8080
 *   (`charts/partials/templates/_proxy.tpl:67-72,225-226`);
 * - no mTLS exceptions: callers without a proxy (the API server, the kubelet's probes) are admitted by the
 *   default inbound policy `all-unauthenticated` (`values.yaml:251`), which this package keeps by default.
 */
export function linkerdServiceMesh(owner: EndpointOwner): ServiceMesh {
  return {
    ...owner,
    mesh: 'linkerd',
    controlPlanePorts: [PORTS.identity, PORTS.destination, PORTS.policy],
    join: { labels: {}, annotations: { 'linkerd.io/inject': 'enabled' } },
    leave: {
      labels: { 'config.linkerd.io/admission-webhooks': 'disabled' },
      annotations: { 'linkerd.io/inject': 'disabled' },
    },
    proxyInboundPorts: [PORTS.proxyInbound],
  };
}

/** The control plane's namespace stays outside the mesh: the chart renders the control plane's proxies itself. */
export const CONTROL_PLANE_OUTSIDE_MESH = outsideMesh(
  "Linkerd's control plane: the chart injects its own proxies, and its injector must not depend on itself",
);

/**
 * The labels `linkerd install` gives the control plane's namespace (linkerd-control-plane
 * `templates/namespace.yaml:11-14`, rendered only by the CLI, never under Argo CD's Helm): `linkerd check` and the
 * extensions find the control plane by them.
 */
export function controlPlaneNamespaceLabels(namespace: string): Mixin {
  return (object) => {
    if (object.apiVersion !== 'v1' || object.kind !== 'Namespace') return;
    object.metadata = {
      ...object.metadata,
      labels: {
        ...object.metadata?.labels,
        'linkerd.io/is-control-plane': 'true',
        'linkerd.io/control-plane-ns': namespace,
      },
    };
  };
}
