import { type BuildContext, type ILimitRange, type IPodDisruptionBudget, standardLabels } from '@platform/core';
import type { LonghornConfig } from './config.js';

/** Pod labels of the chart's UI Deployment (chart templates/deployment-ui.yaml:50-54). */
const UI_POD_LABELS = { app: 'longhorn-ui' };

/**
 * Objects that make up for what the chart cannot be told. A LimitRange gives requests to the containers that
 * have none: the UI and driver-deployer (the chart has no resources values for them) and the CSI pods the
 * manager creates. It sets no default limit: instance managers have no memory limit by design, and an
 * OOM-killed instance manager takes every volume replica of its node down with it. A PodDisruptionBudget for
 * the UI, which chart 1.12.1 documents in values.yaml but no template renders.
 */
export function namespaceDefaults({ name, namespace, config }: BuildContext<LonghornConfig>): {
  default_requests_limitrange: ILimitRange;
  ui_pdb?: IPodDisruptionBudget;
} {
  return {
    default_requests_limitrange: {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'default-requests', namespace, labels: standardLabels(name, 'limit-range') },
      spec: { limits: [{ type: 'Container', defaultRequest: { ...config.defaultRequests } }] },
    },
    ...(config.uiReplicas > 1
      ? {
          ui_pdb: {
            apiVersion: 'policy/v1',
            kind: 'PodDisruptionBudget',
            metadata: { name: 'longhorn-ui', namespace, labels: standardLabels(name, 'ui') },
            spec: { maxUnavailable: 1, selector: { matchLabels: { ...UI_POD_LABELS } } },
          },
        }
      : {}),
  };
}
