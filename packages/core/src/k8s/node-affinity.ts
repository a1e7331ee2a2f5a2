/**
 * Where a workload's pods may run, by the node classes the environment has (the `nodeCapacity` capability,
 * e.g. Karpenter's pools): pods that cannot take an interruption (a spot reclaim, a consolidation) are kept
 * on stable nodes; the rest may run anywhere, so the node provisioner is free to pick the cheapest capacity.
 */
import type { NodeCapacity } from '../model/platform-capabilities.js';
import type { IAffinity } from '../registry/kubernetes-types.js';

/** The kinds whose pods the helpers place by capacity; DaemonSets run on every node and are never placed. */
export type PlacedKind = 'Deployment' | 'StatefulSet';

/**
 * Whether a workload's pods tolerate interruption when it does not say: StatefulSets do not (their pods
 * hold state: an ingester replays its WAL, a database fails over), Deployments do.
 */
export function interruptibleByDefault(kind: PlacedKind): boolean {
  return kind !== 'StatefulSet';
}

/**
 * The node affinity that keeps a non-interruptible workload on the environment's stable nodes: a required
 * `<label> In [<stable>]` term. None for interruptible workloads and in environments without node classes.
 */
export function capacityNodeAffinity(
  capacity: NodeCapacity | undefined,
  interruptible: boolean,
): IAffinity['nodeAffinity'] | undefined {
  if (!capacity || interruptible) return undefined;
  return {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: capacity.label, operator: 'In', values: [capacity.stable] }] }],
    },
  };
}
