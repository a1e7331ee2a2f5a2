import type { ComponentContext, ConfigChecks, EndpointOwner, ServiceMesh } from '@platform/core';
import { outsideMesh } from '@platform/core';
import { ISTIOD_PORTS } from './chart.js';
import { plaintextExceptions } from './plaintext-exceptions.js';

declare module '@platform/core' {
  interface Meshes {
    /** Istio (`@platform/istio`): sidecars injected by istiod, mesh-wide STRICT mTLS. */
    istio: true;
  }
}

/**
 * Istio is the environment's mesh only when `settings.mesh` says `istio`; with `none` (the default) it is
 * installed and namespaces stay unlabelled, as before the mesh was a choice. With another mesh an Istio component
 * is a mistake: the environment would run two control planes and Istio objects nobody injects for.
 */
export function checkMeshChoice(checks: ConfigChecks, context: ComponentContext<unknown>): void {
  const mesh = context.environment.settings.mesh;
  checks.require(
    mesh === undefined || mesh === 'istio' || mesh === 'none',
    'settings.mesh',
    `the environment's mesh is "${mesh}"; remove ${context.name} (Istio) from the environment, or set settings.mesh to "istio"`,
  );
}

/** Istio's own namespace stays outside the mesh: istiod runs without a sidecar, and nothing there is injected. */
export const ISTIO_OUTSIDE_MESH = outsideMesh("Istio's control plane: istiod runs without a sidecar");

/**
 * What a namespace needs to join Istio, at 1.30.3: the default-revision injector selects namespaces labelled
 * `istio-injection=enabled` (istio-discovery `templates/mutatingwebhook.yaml:115-126`) and skips `disabled`;
 * proxies reach istiod on 15012 for xDS and certificates (`templates/service.yaml:27`); sidecars receive on the
 * application's own ports (iptables redirect inside the pod), so NetworkPolicies need no extra port.
 */
export function istioServiceMesh(owner: EndpointOwner): ServiceMesh {
  return {
    ...owner,
    mesh: 'istio',
    controlPlanePorts: [ISTIOD_PORTS.xds],
    join: { labels: { 'istio-injection': 'enabled' }, annotations: {} },
    leave: { labels: { 'istio-injection': 'disabled' }, annotations: {} },
    proxyInboundPorts: [],
    plaintextExceptions,
  };
}
