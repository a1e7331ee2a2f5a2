import { standardLabels } from '@platform/core';
import type { EdgePlan } from '@platform/edge';
import type { ITLSCertificateDelegation } from './kinds.js';

/**
 * Lets HTTPProxies of the routed namespaces use the wildcard Secrets of Contour's namespace (`<ns>/<secret>`):
 * one delegation, each wildcard to exactly the namespaces whose routes use it.
 */
export function wildcardDelegation(
  plan: EdgePlan,
  namespace: string,
  component: string,
): ITLSCertificateDelegation | undefined {
  const delegations = plan.certificates
    .filter((c) => c.purpose === 'wildcard' && c.renderedBy === 'controller')
    .map((c) => ({
      secretName: c.secretName,
      targetNamespaces: [
        ...new Set(plan.routes.filter((r) => r.certificate === c).map((r) => r.route.namespace)),
      ].sort(),
    }))
    .filter((d) => d.targetNamespaces.length > 0);
  if (delegations.length === 0) return undefined;
  return {
    apiVersion: 'projectcontour.io/v1',
    kind: 'TLSCertificateDelegation',
    metadata: { name: 'wildcards', namespace, labels: standardLabels(component, 'tls') },
    spec: { delegations },
  };
}
