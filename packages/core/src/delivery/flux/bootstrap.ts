import { standardLabels } from '../../k8s/labels.js';
import type { Environment } from '../../model/environment.js';
import type { IGitRepository, IKustomization } from './kinds.js';
import { FLUX_FOLDER, fluxNamespace, fluxPath, rootName } from './names.js';

/** A git ref as source-controller takes it: full refs by name, anything else as a branch. */
function gitRef(revision: string): { name: string } | { branch: string } {
  return revision.startsWith('refs/') ? { name: revision } : { branch: revision };
}

/**
 * What is applied once by hand after installing Flux's controllers (`flux install`): the GitRepository of the
 * rendered output and the root Kustomization of `_flux/`, which from then on manages itself and every other
 * Kustomization.
 */
export function bootstrapObjects(environment: Environment): { repository: IGitRepository; root: IKustomization } {
  const namespace = fluxNamespace(environment);
  const labels = { ...standardLabels('flux', 'delivery'), 'platform.dev/environment': environment.name };
  return {
    repository: {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: rootName(environment), namespace, labels },
      spec: { interval: '1m', url: environment.repo.url, ref: gitRef(environment.repo.revision) },
    },
    root: {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: rootName(environment), namespace, labels },
      spec: {
        interval: '10m',
        path: fluxPath(environment, FLUX_FOLDER),
        prune: true,
        sourceRef: { kind: 'GitRepository', name: rootName(environment) },
      },
    },
  };
}
