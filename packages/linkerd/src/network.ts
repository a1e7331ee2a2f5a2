import type { BuildContext, NetworkAccess } from '@platform/core';
import { CONTROL_PLANE_COMPONENT_LABEL, PORTS } from './chart.js';
import type { LinkerdConfig } from './config.js';

const component = (name: string) => ({ [CONTROL_PLANE_COMPONENT_LABEL]: name });

/**
 * The control plane's traffic beyond its namespace: every proxy of the cluster (in any namespace, including ones
 * the environment does not know) calls destination and policy (8086, 8090) and identity (8080), meshed clients
 * reach its pods' inbound proxies (4143); the API server
 * calls the proxy injector (8443) and the two validators on the destination pod (8443, 9443); every controller
 * watches the API server. Metrics scrapers are admitted namespace-wide by the core.
 */
export function controlPlaneNetwork(_context: BuildContext<LinkerdConfig>): NetworkAccess {
  return {
    ingress: [
      // The control plane's pods are meshed by the chart itself (its namespace is outside the core's mesh): meshed
      // clients that call them through their outbound proxy (linkerd-viz's metrics-api and tap call destination)
      // are sent to the inbound proxy port, like for any meshed endpoint.
      { name: 'meshed-clients', from: 'any', ports: [PORTS.proxyInbound] },
      {
        name: 'proxies-destination',
        from: 'any',
        ports: [PORTS.destination, PORTS.policy],
        podLabels: component('destination'),
      },
      { name: 'proxies-identity', from: 'any', ports: [PORTS.identity], podLabels: component('identity') },
      { name: 'injector-webhook', from: 'any', ports: [PORTS.injector], podLabels: component('proxy-injector') },
      {
        name: 'validator-webhooks',
        from: 'any',
        ports: [PORTS.spValidator, PORTS.policyValidator],
        podLabels: component('destination'),
      },
    ],
    egress: [{ name: 'api-server', to: 'apiServer' }],
  };
}

/** The CNI installer watches the API server (it writes a kubeconfig for the plugin from its ServiceAccount). */
export function cniNetwork(): NetworkAccess {
  return { egress: [{ name: 'api-server', to: 'apiServer' }] };
}

/**
 * linkerd-viz: the API server calls tap (the aggregated `tap.linkerd.io` API, 8089) and the tap injector
 * webhook (8443); viz's Prometheus scrapes every proxy's admin port (4191) in every namespace and the control
 * plane; metrics-api and tap call the control plane's destination; all watch the API server.
 */
export function vizNetwork(controlPlane: string): NetworkAccess {
  return {
    ingress: [
      { name: 'tap-api', from: 'any', ports: [8089], podLabels: { component: 'tap' } },
      { name: 'tap-injector-webhook', from: 'any', ports: [8443], podLabels: { component: 'tap-injector' } },
    ],
    egress: [
      { name: 'api-server', to: 'apiServer' },
      {
        name: 'scrape-proxies',
        to: [{ allNamespaces: true }],
        ports: [PORTS.proxyAdmin],
        podLabels: { component: 'prometheus' },
      },
      { name: 'scrape-control-plane', to: [{ component: controlPlane }], podLabels: { component: 'prometheus' } },
      { name: 'tap-proxies', to: [{ allNamespaces: true }], ports: [4190], podLabels: { component: 'tap' } },
    ],
  };
}
