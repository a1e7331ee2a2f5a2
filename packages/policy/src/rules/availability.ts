import type { IPodDisruptionBudget, ITopologySpreadConstraint, PolicyRule, RenderedEnvironment } from '@platform/core';
import { inventoryOf, type PodWorkload, workloadFinding } from '../inventory.js';
import { type LabelSelector, selects } from '../selectors.js';

/**
 * Replicated workloads: Deployments with more than one replica or scaled by a HorizontalPodAutoscaler, and
 * every StatefulSet (its pods hold state, so even one must not be evicted carelessly). They need a
 * PodDisruptionBudget, so that node drains take pods down one at a time, and, when they can run more than one
 * pod, a spread over zones or nodes, so that one failure does not take every replica.
 */

/** Topology keys that spread pods over failure domains. */
export const SPREAD_TOPOLOGY_KEYS = ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'];

interface Replication {
  workload: PodWorkload;
  /** Why it counts as replicated, for messages: `runs 3 replicas`. */
  why: string;
  /** Largest number of pods it can run. */
  maxPods: number;
}

function replicatedWorkloads(environment: RenderedEnvironment): Replication[] {
  const inventory = inventoryOf(environment);
  const result: Replication[] = [];
  for (const workload of inventory.workloads) {
    if (workload.kind !== 'Deployment' && workload.kind !== 'StatefulSet') continue;
    const replicas = (workload.object as { spec?: { replicas?: number } }).spec?.replicas ?? 1;
    const hpa = inventory.autoscalerOf(workload);
    const maxPods = Math.max(replicas, hpa?.spec?.maxReplicas ?? 0);
    let why: string | undefined;
    if (replicas > 1) why = `runs ${replicas} replicas`;
    else if (hpa)
      why = `is scaled by HorizontalPodAutoscaler "${hpa.metadata?.name}" (up to ${hpa.spec?.maxReplicas} replicas)`;
    else if (workload.kind === 'StatefulSet') why = 'is a StatefulSet';
    if (why) result.push({ workload, why, maxPods });
  }
  return result;
}

export const podDisruptionBudgetRule: PolicyRule = {
  id: 'availability.pod-disruption-budget',
  severity: 'error',
  rationale: 'Without a PodDisruptionBudget a node drain may evict every replica of a workload at once.',
  check(environment, report) {
    const inventory = inventoryOf(environment);
    for (const { workload, why } of replicatedWorkloads(environment)) {
      const covered = inventory
        .inNamespace('policy', 'PodDisruptionBudget', workload.namespace)
        .some(({ object }) =>
          selects((object as IPodDisruptionBudget).spec?.selector as LabelSelector | undefined, workload.labels),
        );
      if (!covered) {
        report(
          workloadFinding(
            workload,
            `${workload.templateMetadataPath}.labels`,
            `${workload.kind} "${workload.name}" ${why} but no PodDisruptionBudget in namespace "${workload.namespace}" selects its pods`,
          ),
        );
      }
    }
  },
};

function spreads(workload: PodWorkload): boolean {
  const onKey = (key: string | undefined, selector: LabelSelector | undefined) =>
    SPREAD_TOPOLOGY_KEYS.includes(key ?? '') && selects(selector, workload.labels);
  const constraints: ITopologySpreadConstraint[] = workload.spec.topologySpreadConstraints ?? [];
  if (constraints.some((c) => onKey(c.topologyKey, c.labelSelector as LabelSelector | undefined))) return true;
  const anti = workload.spec.affinity?.podAntiAffinity;
  if (
    (anti?.requiredDuringSchedulingIgnoredDuringExecution ?? []).some((t) =>
      onKey(t.topologyKey, t.labelSelector as LabelSelector | undefined),
    )
  )
    return true;
  return (anti?.preferredDuringSchedulingIgnoredDuringExecution ?? []).some((t) =>
    onKey(t.podAffinityTerm?.topologyKey, t.podAffinityTerm?.labelSelector as LabelSelector | undefined),
  );
}

export const topologySpreadRule: PolicyRule = {
  id: 'availability.topology-spread',
  severity: 'error',
  rationale: 'Replicas that may all land on one node or in one zone fail together.',
  check(environment, report) {
    for (const { workload, why, maxPods } of replicatedWorkloads(environment)) {
      if (maxPods <= 1 || spreads(workload)) continue;
      report(
        workloadFinding(
          workload,
          `${workload.specPath}.topologySpreadConstraints`,
          `${workload.kind} "${workload.name}" ${why} but does not spread its pods: no topologySpreadConstraint or podAntiAffinity term on ${SPREAD_TOPOLOGY_KEYS.join(' or ')} selects them`,
        ),
      );
    }
  },
};

export const availabilityRules: PolicyRule[] = [podDisruptionBudgetRule, topologySpreadRule];
