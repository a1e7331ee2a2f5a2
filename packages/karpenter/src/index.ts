/**
 * @platform/karpenter: Karpenter on EKS from its upstream chart (controller and CRDs), its NodePools and
 * EC2NodeClasses as typed configuration, and the `nodeCapacity` capability that tells the workload helpers
 * which nodes are stable, so that StatefulSets stay off spot and off aggressively consolidated nodes.
 */
import { defineComponent } from '@platform/core';
import { alerts } from './alerts.js';
import { CAPACITY_LABEL, CHART, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { karpenterDashboards } from './dashboards.js';
import { KARPENTER_KINDS } from './kinds.js';
import { networkAccess } from './network.js';
import { nodeClassObjects } from './node-classes.js';
import { nodePoolObjects } from './node-pools.js';
import { chartValues } from './values.js';

export { CAPACITY_LABEL, CHART, CONTROLLER_POD_LABELS, RELEASE_NAME } from './chart.js';
export type {
  CapacityType,
  ControllerIdentity,
  DisruptionBudget,
  KarpenterConfig,
  NodeClassConfig,
  NodeClassOfPool,
  NodePoolConfig,
} from './config.js';
export { defaults, RUNBOOK_URL } from './config.js';
export type { IEC2NodeClass, INodePool } from './kinds.js';
export { KARPENTER_KINDS } from './kinds.js';
export type { KarpenterValues } from './values.js';

/**
 * Karpenter (tier `operators`, namespace `karpenter`). Provides `nodeCapacity` (nodes labelled
 * `node.platform.dev/capacity`: `stable` or `interruptible`) and its dashboard.
 *
 * ```ts
 * karpenter({
 *   clusterName: 'prod-eu1',
 *   controllerIdentity: { roleArn: 'arn:aws:iam::111122223333:role/KarpenterController-prod-eu1' },
 *   interruptionQueue: 'Karpenter-prod-eu1',
 *   nodeClass: { role: 'KarpenterNodeRole-prod-eu1' },
 * })
 * ```
 */
export const karpenter = defineComponent({
  name: 'karpenter',
  tier: 'operators',
  defaults,
  check: checkConfig,
  provides: (context) => ({
    nodeCapacity: {
      component: context.name,
      namespace: context.namespace,
      label: CAPACITY_LABEL,
      stable: 'stable',
      interruptible: ['interruptible'],
    },
    dashboards: karpenterDashboards(context),
  }),
  build: (context) => ({
    ...nodeClassObjects(context),
    ...nodePoolObjects(context),
    ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
  }),
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  network: networkAccess,
  kinds: KARPENTER_KINDS,
});
