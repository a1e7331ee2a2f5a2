import {
  type BuildContext,
  configChecksum,
  type IJob,
  restrictedContainerSecurityContext,
  restrictedPodSecurityContext,
  stageAnnotations,
  standardLabels,
} from '@platform/core';
import type { ValkeyConfig } from './config.js';
import { names, PASSWORD_KEY, PATHS, VALKEY_UID } from './layout.js';

/**
 * The Job that forms the Valkey Cluster (cluster mode) with `cluster-init.sh`, in the first-sync stage after the
 * StatefulSet so every node is up. Its name carries a hash of the script, because a Job's pod template cannot be
 * changed: a new script is a new Job (the old one is pruned), and re-running it on a formed cluster is a no-op.
 */
export function clusterInitJob(context: BuildContext<ValkeyConfig>, script: string): IJob {
  const { config, name, namespace } = context;
  const n = names(name);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${n.clusterInit}-${configChecksum(script).slice(0, 8)}`,
      namespace,
      labels: standardLabels(name, 'cluster-init'),
      annotations: stageAnnotations(2),
    },
    spec: {
      backoffLimit: 10,
      activeDeadlineSeconds: 1800,
      template: {
        metadata: { labels: standardLabels(name, 'cluster-init') },
        spec: {
          restartPolicy: 'OnFailure',
          automountServiceAccountToken: false,
          securityContext: restrictedPodSecurityContext(VALKEY_UID),
          containers: [
            {
              name: 'cluster-init',
              image: config.images.valkey,
              command: ['sh', `${PATHS.config}/cluster-init.sh`],
              env: config.auth.enabled
                ? ['VALKEY_PASSWORD', 'REDISCLI_AUTH'].map((variable) => ({
                    name: variable,
                    valueFrom: { secretKeyRef: { name: n.auth, key: PASSWORD_KEY } },
                  }))
                : [],
              resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
              securityContext: restrictedContainerSecurityContext(),
              volumeMounts: [
                { name: 'config', mountPath: PATHS.config, readOnly: true },
                ...(config.tls.enabled ? [{ name: 'tls', mountPath: PATHS.tls, readOnly: true }] : []),
              ],
            },
          ],
          volumes: [
            { name: 'config', configMap: { name: n.config } },
            ...(config.tls.enabled ? [{ name: 'tls', secret: { secretName: n.tls } }] : []),
          ],
        },
      },
    },
  };
}
