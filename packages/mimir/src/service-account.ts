import { type BuildContext, type IServiceAccount, standardLabels } from '@platform/core';
import type { MimirConfig } from './config.js';
import { SERVICE_ACCOUNT } from './layout.js';

/**
 * The ServiceAccount every Mimir pod runs as. Without a credentials Secret, Mimir's S3 client takes credentials
 * from the pod identity, which IRSA / workload identity bind to this account through its annotations. Mimir
 * never calls the Kubernetes API, so no token is mounted.
 */
export function serviceAccount(context: BuildContext<MimirConfig>): IServiceAccount {
  const annotations = context.config.serviceAccount.annotations;
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: SERVICE_ACCOUNT,
      namespace: context.namespace,
      labels: standardLabels(context.name, 'service-account'),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    automountServiceAccountToken: false,
  };
}
