import { type BuildContext, type IPodDisruptionBudget, standardLabels } from '@platform/core';
import { OPERATOR_POD_LABELS } from './chart.js';
import type { CloudnativePgConfig } from './config.js';

/**
 * A PodDisruptionBudget over the operator's pods, which the chart does not render: a node drain never takes
 * every replica (and with them the admission webhooks) at once. None for a single replica, which could then
 * never be evicted.
 */
export function operatorPdb({
  config,
  name,
  namespace,
}: BuildContext<CloudnativePgConfig>): IPodDisruptionBudget | undefined {
  if (config.replicas < 2) return undefined;
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'cloudnative-pg', namespace, labels: standardLabels(name, 'operator') },
    spec: { maxUnavailable: 1, selector: { matchLabels: { ...OPERATOR_POD_LABELS } } },
  };
}
