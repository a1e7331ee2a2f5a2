import { type BuildContext, standardLabels } from '@platform/core';
import { CAPACITY_LABEL } from './chart.js';
import type { KarpenterConfig, NodePoolConfig } from './config.js';
import type { INodePool } from './kinds.js';
import { nodePools } from './pools.js';

type Requirement = INodePool['spec']['template']['spec']['requirements'][number];

/**
 * One NodePool. Its nodes carry the platform's capacity label (`stable` or `interruptible`), which the
 * workload helpers' node affinity selects on, so StatefulSets land only on stable pools.
 */
function nodePool(context: BuildContext<KarpenterConfig>, name: string, pool: NodePoolConfig): INodePool {
  const requirements: Requirement[] = [
    { key: 'karpenter.sh/capacity-type', operator: 'In', values: [...pool.capacityTypes] },
    { key: 'kubernetes.io/arch', operator: 'In', values: [...pool.architectures] },
    { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
    { key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: [...pool.instanceCategories] },
    { key: 'karpenter.k8s.aws/instance-generation', operator: 'Gt', values: [String(pool.minGeneration - 1)] },
  ];
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name, labels: standardLabels(context.name, 'node-pool') },
    spec: {
      template: {
        metadata: { labels: { [CAPACITY_LABEL]: pool.capacity } },
        spec: {
          nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: pool.nodeClass },
          requirements,
          expireAfter: pool.expireAfter,
        },
      },
      limits: { cpu: pool.cpuLimit, ...(pool.memoryLimit ? { memory: pool.memoryLimit } : {}) },
      disruption: {
        consolidationPolicy: pool.consolidation.policy,
        consolidateAfter: pool.consolidation.after,
        budgets: pool.budgets.map((b) => ({ ...b, ...(b.reasons ? { reasons: [...b.reasons] } : {}) })),
      },
      ...(pool.weight !== undefined ? { weight: pool.weight } : {}),
    },
  };
}

/** Every pool, named `<name>_nodepool`. */
export function nodePoolObjects(context: BuildContext<KarpenterConfig>): Record<string, INodePool> {
  return Object.fromEntries(
    nodePools(context.config).map(({ name, value }) => [
      `${name.replace(/-/g, '_')}_nodepool`,
      nodePool(context, name, value),
    ]),
  );
}
