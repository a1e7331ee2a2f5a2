import { standardLabels } from '../../k8s/labels.js';
import type { Environment } from '../../model/environment.js';
import type { IApplication, IAppProject } from './kinds.js';
import { argocdNamespace, DELIVERY_FOLDER, repoPath, rootProjectName, SYNC_WAVE } from './names.js';

/**
 * The project and Application that bootstrap delivery: applied once by hand (`kubectl apply -f`), then the
 * root Application manages the AppProject and the ApplicationSets in `_argocd/`, syncing them wave by wave.
 * Argo CD's health check for ApplicationSets (set by @platform/argo-cd) reports an ApplicationSet healthy only
 * when all its Applications are, so the next step's ApplicationSet is created only after the previous
 * step is up.
 */
export function bootstrapObjects(environment: Environment): { project: IAppProject; root: IApplication } {
  const namespace = argocdNamespace(environment);
  const labels = { ...standardLabels('argo-cd', 'delivery'), 'platform.dev/environment': environment.name };
  return {
    project: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: rootProjectName(environment), namespace, labels, annotations: { [SYNC_WAVE]: '-1' } },
      spec: {
        description: `Delivery objects of the ${environment.name} environment (ApplicationSets and their AppProject)`,
        sourceRepos: [environment.repo.url],
        destinations: [{ server: 'https://kubernetes.default.svc', namespace }],
        clusterResourceWhitelist: [],
        namespaceResourceWhitelist: [
          { group: 'argoproj.io', kind: 'ApplicationSet' },
          { group: 'argoproj.io', kind: 'AppProject' },
          { group: 'argoproj.io', kind: 'Application' },
        ],
      },
    },
    root: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: `${environment.name}-root`,
        namespace,
        labels,
        finalizers: ['resources-finalizer.argocd.argoproj.io'],
      },
      spec: {
        project: rootProjectName(environment),
        source: {
          repoURL: environment.repo.url,
          targetRevision: environment.repo.revision,
          path: repoPath(environment, DELIVERY_FOLDER),
          directory: { recurse: true },
        },
        destination: { server: 'https://kubernetes.default.svc', namespace },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          retry: { limit: -1, refresh: true, backoff: { duration: '30s', factor: 2, maxDuration: '10m' } },
        },
      },
    },
  };
}
