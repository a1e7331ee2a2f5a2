import type { DeclaredRoute, EgressRule, IngressRule, PortSpec } from '@platform/core';
import { HTTP01_SOLVER_PODS, HTTP01_SOLVER_PORT } from './solver-access.js';

/**
 * The controller's egress to what it proxies: the pods behind each route's Service on the port the Service
 * targets (one rule per backend pod set), and cert-manager's HTTP-01 solver pods in the namespaces where the
 * routes component requests certificates. The backends' side admits the controller by core's derived ingress.
 */
export function routeEgress(
  routes: readonly DeclaredRoute[],
  solverNamespaces: readonly string[],
  podLabels?: Record<string, string>,
): EgressRule[] {
  const groups = new Map<string, { route: DeclaredRoute; ports: Set<number | string> }>();
  for (const route of routes) {
    const selector = Object.entries(route.backend.pods)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    const key = `${route.component}\u0000${selector}`;
    const group = groups.get(key) ?? { route, ports: new Set() };
    group.ports.add(route.backend.targetPort);
    groups.set(key, group);
  }
  const backends = [...groups.values()].map(
    ({ route, ports }): EgressRule => ({
      name: `to-${route.component}-${route.backend.service}`,
      to: [{ component: route.component, podLabels: route.backend.pods }],
      ports: [...ports].sort((a, b) => String(a).localeCompare(String(b))) as PortSpec[],
      ...(podLabels ? { podLabels } : {}),
    }),
  );
  const solvers = solverNamespaces.map(
    (namespace): EgressRule => ({
      name: `to-acme-http01-${namespace}`,
      to: [{ namespace, podLabels: HTTP01_SOLVER_PODS }],
      ports: [HTTP01_SOLVER_PORT],
      ...(podLabels ? { podLabels } : {}),
    }),
  );
  return [...backends, ...solvers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Ingress from anywhere (clients come through the load balancer) to the controller's listening ports. */
export function publicIngress(ports: PortSpec[], podLabels: Record<string, string>): IngressRule {
  return { name: 'clients', from: 'any', ports, podLabels };
}

/**
 * Egress to the forward-auth services routes name: an in-cluster URL (`http://<service>.<namespace>.svc...`) opens
 * that namespace on the URL's port; any other URL opens the port to everywhere. The auth service's own namespace
 * must admit the controller (its owner's rule).
 */
export function forwardAuthEgress(routes: readonly DeclaredRoute[], podLabels?: Record<string, string>): EgressRule[] {
  const rules = new Map<string, EgressRule>();
  for (const route of routes) {
    if (route.auth?.type !== 'forward') continue;
    let url: URL;
    try {
      url = new URL(route.auth.url);
    } catch {
      continue;
    }
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    const inCluster = /^[a-z0-9-]+\.([a-z0-9-]+)\.svc(\.|$)/.exec(url.hostname);
    const name = inCluster ? `to-forward-auth-${inCluster[1]}-${port}` : `to-forward-auth-${port}`;
    rules.set(name, {
      name,
      to: inCluster ? [{ namespace: inCluster[1]! }] : 'any',
      ports: [port],
      ...(podLabels ? { podLabels } : {}),
    });
  }
  return [...rules.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}
