import { type INetworkPolicy, type PodSelector, standardLabels } from '@platform/core';
import type { EdgeController } from './controller.js';
import type { CertificateOwner, EdgePlan } from './edge-plan.js';

/**
 * cert-manager's HTTP-01 solver pods: label `acme.cert-manager.io/http01-solver: "true"` and port 8089
 * (cert-manager v1.21.1 `pkg/apis/acme/v1/types.go:60`, `pkg/issuer/acme/http/pod.go:38-46`, `http.go:49`).
 * They run in the namespace of the Certificate they solve for.
 */
export const HTTP01_SOLVER_PODS: PodSelector = { 'acme.cert-manager.io/http01-solver': 'true' };
export const HTTP01_SOLVER_PORT = 8089;

/**
 * Namespaces where the edge requests certificates for single routes (which ACME may solve over HTTP-01; wildcards
 * need DNS-01), of one side (`owner`) or both.
 */
export function solverNamespaces(plan: EdgePlan, owner?: CertificateOwner): string[] {
  const own = plan.certificates.filter((c) => c.purpose === 'own' && (owner === undefined || c.renderedBy === owner));
  return [...new Set(own.map((c) => c.namespace))].sort();
}

/**
 * NetworkPolicies that admit the edge's pods to cert-manager's HTTP-01 solver pods in each namespace where the
 * routes component requests certificates: the namespace's default-deny would otherwise drop Let's Encrypt's
 * validation requests, which reach the solver through the edge. The controller's egress to them is opened by
 * its own network rules (`solverNamespaces`).
 */
export function solverAccessPolicies(
  plan: EdgePlan,
  edge: EdgeController,
  controllerPods: PodSelector,
  component: string,
): Record<string, INetworkPolicy> {
  const result: Record<string, INetworkPolicy> = {};
  for (const namespace of solverNamespaces(plan, 'routes')) {
    result[`acme_http01_${namespace.replace(/-/g, '_')}_networkpolicy`] = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-edge-acme-http01', namespace, labels: standardLabels(component, 'network-policy') },
      spec: {
        podSelector: { matchLabels: { ...HTTP01_SOLVER_PODS } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': edge.namespace } },
                podSelector: { matchLabels: { ...controllerPods } },
              },
            ],
            ports: [{ port: HTTP01_SOLVER_PORT, protocol: 'TCP' }],
          },
        ],
      },
    };
  }
  return result;
}
