import type { BuildContext } from '../model/definition.js';
import type { IConfigMap } from '../registry/kubernetes-types.js';
import { standardLabels } from './labels.js';

/** A ConfigMap of files (key → content) in the component's namespace, labelled as the component's `part`. */
export function configMap(
  context: Pick<BuildContext<unknown>, 'name' | 'namespace'>,
  name: string,
  part: string,
  data: Record<string, string>,
): IConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: context.namespace, labels: standardLabels(context.name, part) },
    data,
  };
}
