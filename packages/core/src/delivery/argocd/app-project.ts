import { standardLabels } from '../../k8s/labels.js';
import type { GroupKind } from '../../model/definition.js';
import type { Environment } from '../../model/environment.js';
import { apiGroup } from '../../model/objects.js';
import type { BuiltComponent } from '../../model/rendered.js';
import type { KindRegistry } from '../../registry/kinds.js';
import type { IAppProject } from './kinds.js';
import { argocdNamespace, projectName, SYNC_WAVE } from './names.js';

/** Cluster-scoped kinds that rendered objects and charts create, as AppProject allow-list entries. */
function clusterResources(components: BuiltComponent[], kinds: KindRegistry): GroupKind[] {
  const seen = new Map<string, { group: string; kind: string }>();
  const add = (group: string, kind: string) => seen.set(`${group}/${kind}`, { group, kind });
  add('', 'Namespace');
  for (const component of components) {
    for (const { object } of component.objects) if (kinds.isClusterScoped(object)) add(apiGroup(object), object.kind);
    for (const entry of component.helm?.facts?.clusterKinds ?? []) add(entry.group, entry.kind);
  }
  return [...seen.values()].sort((a, b) => `${a.group}/${a.kind}`.localeCompare(`${b.group}/${b.kind}`));
}

/**
 * The AppProject of the environment's components: only the rendered repository and the pinned chart
 * repositories as sources, only the components' namespaces on the environment's cluster as destinations,
 * and only the cluster-scoped kinds the environment renders or its charts are declared to create.
 */
export function appProject(environment: Environment, components: BuiltComponent[], kinds: KindRegistry): IAppProject {
  const chartRepos = components.filter((c) => c.helm).map((c) => c.helm!.repoURL.replace(/^oci:\/\//, ''));
  const namespaces = [...new Set(components.map((c) => c.namespace))].sort();
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: projectName(environment),
      namespace: argocdNamespace(environment),
      labels: { ...standardLabels('argo-cd', 'delivery'), 'platform.dev/environment': environment.name },
      annotations: { [SYNC_WAVE]: '0' },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      description: `Platform components of the ${environment.name} environment, rendered by pnpm render ${environment.name}`,
      sourceRepos: [...new Set([environment.repo.url, ...chartRepos])].sort(),
      destinations: namespaces.map((namespace) => ({ server: environment.cluster.server, namespace })),
      clusterResourceWhitelist: clusterResources(components, kinds),
      orphanedResources: { warn: true },
      ...(environment.delivery?.argocd?.syncWindows
        ? {
            syncWindows: environment.delivery.argocd.syncWindows.map((w) => ({
              kind: w.kind,
              schedule: w.schedule,
              duration: w.duration,
              manualSync: w.manualSync ?? true,
              applications: ['*'],
            })),
          }
        : {}),
    },
  };
}
