import type { PodSecurityLevel } from '../model/definition.js';
import type { INamespace } from '../registry/kubernetes-types.js';
import { standardLabels } from './labels.js';

/** A component's namespace, with its Pod Security Standards level enforced, audited and warned on. */
export function namespaceObject(
  name: string,
  component: string,
  level: PodSecurityLevel,
  extraLabels: Record<string, string> = {},
): INamespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: {
        ...standardLabels(component, 'namespace'),
        'pod-security.kubernetes.io/enforce': level,
        'pod-security.kubernetes.io/enforce-version': 'latest',
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
        ...extraLabels,
      },
    },
  };
}
