import type { PolicyRule } from '@platform/core';
import { containerRule } from '../container-rule.js';
import { describeContainer } from '../inventory.js';

/**
 * Probes of long-running containers: every container (not init containers) of Deployments, StatefulSets,
 * DaemonSets, ReplicaSets and bare Pods. Jobs and CronJobs run to completion and are not checked.
 */

function probeRule(
  id: string,
  field: 'readinessProbe' | 'livenessProbe',
  label: string,
  rationale: string,
): PolicyRule {
  return containerRule({
    id,
    severity: 'error',
    rationale,
    checkContainer({ workload, located, report }) {
      if (!workload.longRunning || located.init || located.container[field]) return;
      report(`${located.path}.${field}`, `${describeContainer(located)} has no ${label} probe`);
    },
  });
}

export const readinessProbeRule = probeRule(
  'probes.readiness',
  'readinessProbe',
  'readiness',
  'Without a readiness probe a pod receives traffic (and a rollout moves on) before it can serve.',
);

export const livenessProbeRule = probeRule(
  'probes.liveness',
  'livenessProbe',
  'liveness',
  'Without a liveness probe a hung process keeps its pod running and is never restarted.',
);

export const probeRules: PolicyRule[] = [readinessProbeRule, livenessProbeRule];
