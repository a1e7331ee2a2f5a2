import type { PodSelector } from '@platform/core';
import type { DnsSource } from '@platform/edge';

/** Configuration of the environment's Gateway (`gateway()` of `@platform/gateway-api`). */
export interface GatewayConfig {
  /** Gateway name. Default `edge`. */
  name: string;
  /** GatewayClass of the implementation. Default `traefik` (`traefik({ routes: 'gateway-api' })` creates it). */
  className: string;
  /**
   * The component whose pods implement the Gateway, and their labels: routed backends admit them. Default
   * Traefik's (`traefik`, `app.kubernetes.io/name: traefik`, `app.kubernetes.io/instance: traefik-traefik`).
   */
  implementation: { component: string; pods: PodSelector };
  /**
   * Listener ports. Traefik maps a listener to the entrypoint listening on its port (v3.7.9
   * `pkg/provider/kubernetes/gateway/kubernetes.go:802-817`), so its defaults are the chart's entrypoints.
   * Default `{ http: 8000, https: 8443 }`; most other implementations use 80 and 443.
   */
  listenerPorts: { http: number; https: number };
  /** Domains with one wildcard certificate (and HTTPS listener) each. Default `[]`: the base domain. */
  wildcardDomains: string[];
  /** Client ranges internal routes admit (needs an implementation filter, see `gatewayRoutes`). Default `[]`. */
  internalSourceRanges: string[];
  /** external-dns sources that see the routes. Default `['gateway-httproute']` (targets from the Gateway's status). */
  dnsSources: DnsSource[];
}

export const defaults: GatewayConfig = {
  name: 'edge',
  className: 'traefik',
  implementation: {
    component: 'traefik',
    pods: { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': 'traefik-traefik' },
  },
  listenerPorts: { http: 8000, https: 8443 },
  wildcardDomains: [],
  internalSourceRanges: [],
  dnsSources: ['gateway-httproute'],
};
