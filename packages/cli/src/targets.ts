import type { RenderedEnvironment } from '@platform/core';
import type { Finding } from '@platform/policy';

/** The rule id of findings about environments that deploy to the same place. */
export const DISTINCT_TARGETS_RULE = 'environments.distinct-targets';

/** The in-cluster address: each cluster's own delivery engine reaches its own API server through it. */
const IN_CLUSTER = 'https://kubernetes.default.svc';

/**
 * Which cluster an environment deploys to, as its delivery engine addresses it. The in-cluster address is the
 * same string in every cluster, so for it the cluster's name tells clusters apart; any other server URL is
 * one API server whatever the environment calls the cluster.
 */
export function clusterIdentity(rendered: RenderedEnvironment): string {
  const { server, name } = rendered.environment.cluster;
  const normalized = server.replace(/\/+$/, '').toLowerCase();
  return normalized === IN_CLUSTER || normalized === `${IN_CLUSTER}:443`
    ? `${IN_CLUSTER} (cluster ${name})`
    : normalized;
}

/** The namespaces a render deploys into: its namespaced objects' and the Namespaces it creates. */
function namespacesOf(rendered: RenderedEnvironment): Set<string> {
  const namespaces = new Set<string>();
  for (const { object } of rendered.objects) {
    if (object.metadata?.namespace) namespaces.add(object.metadata.namespace);
    if (object.kind === 'Namespace' && object.metadata?.name) namespaces.add(object.metadata.name);
  }
  return namespaces;
}

/**
 * Findings for environments that deploy to the same cluster and namespaces (a copied environment folder whose
 * cluster was not changed): their delivery engines would fight over the same objects. One error finding per
 * environment involved, naming the other one.
 */
export function targetConflicts(renders: RenderedEnvironment[]): Finding[] {
  const findings: Finding[] = [];
  for (const [index, a] of renders.entries()) {
    for (const b of renders.slice(index + 1)) {
      if (clusterIdentity(a) !== clusterIdentity(b)) continue;
      const ours = namespacesOf(a);
      const shared = [...namespacesOf(b)].filter((namespace) => ours.has(namespace)).sort();
      if (shared.length === 0) continue;
      const listed = `${shared.slice(0, 5).join(', ')}${shared.length > 5 ? ` and ${shared.length - 5} more` : ''}`;
      for (const [self, other] of [
        [a, b],
        [b, a],
      ] as const) {
        findings.push({
          rule: DISTINCT_TARGETS_RULE,
          severity: 'error',
          environment: self.environment.name,
          component: '_environment',
          path: 'cluster',
          message: `${self.environment.name} and ${other.environment.name} both deploy to ${clusterIdentity(self)}, namespaces ${listed}; give one of them its own cluster (cluster.name and cluster.server)`,
        });
      }
    }
  }
  return findings;
}
