import type { KubeObject } from '../model/objects.js';

/** Name of an object's file inside its folder: `deployment-distributor.yaml`, `.<namespace>` when it lives elsewhere. */
export function fileName(object: KubeObject, folderNamespace: string): string {
  const namespace = object.metadata?.namespace;
  const suffix = namespace && namespace !== folderNamespace ? `.${namespace}` : '';
  return `${object.kind.toLowerCase()}-${object.metadata?.name ?? 'unnamed'}${suffix}.yaml`;
}
