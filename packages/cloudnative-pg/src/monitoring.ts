import { type IPodMonitor, standardLabels } from '@platform/core';
import { CLUSTER_LABEL, POD_ROLE_LABEL, POOLER_LABEL, poolerName } from './names.js';

/**
 * A PodMonitor over a cluster's pods, on their `metrics` port. CloudNativePG 1.30 deprecates the Cluster's
 * `monitoring.enablePodMonitor` and recommends creating the PodMonitor yourself (docs/src/monitoring.md,
 * "Creating a PodMonitor"); the pooler's exporter listens on a port of the same name (9127).
 */
function podMonitor(name: string, namespace: string, component: string, selector: Record<string, string>): IPodMonitor {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: { name, namespace, labels: standardLabels(component, 'monitoring') },
    spec: {
      selector: { matchLabels: selector },
      podMetricsEndpoints: [{ port: 'metrics', interval: '30s' }],
    },
  };
}

/** PodMonitors of the instances and, when there is one, the pooler. */
export function podMonitors(
  cluster: string,
  namespace: string,
  component: string,
  pooled: boolean,
): Record<string, IPodMonitor> {
  return {
    instances_podmonitor: podMonitor(cluster, namespace, component, {
      [CLUSTER_LABEL]: cluster,
      [POD_ROLE_LABEL]: 'instance',
    }),
    ...(pooled
      ? {
          pooler_podmonitor: podMonitor(poolerName(cluster), namespace, component, {
            [POOLER_LABEL]: poolerName(cluster),
          }),
        }
      : {}),
  };
}
