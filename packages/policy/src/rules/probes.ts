import type { PolicyRule } from '@platform/core';
import { containersOf, describeContainer, inventoryOf } from '../inventory.js';

/**
 * Probes of long-running containers: every container (not init containers) of Deployments, StatefulSets,
 * DaemonSets, ReplicaSets and bare Pods. Jobs and CronJobs run to completion and are not checked.
 */

function probeRule(id: string, field: 'readinessProbe' | 'livenessProbe', label: string, rationale: string): PolicyRule {
  return {
    id,
    severity: 'error',
    rationale,
    check(environment, report) {
      for (const workload of inventoryOf(environment).workloads) {
        if (!workload.longRunning) continue;
        for (const located of containersOf(workload)) {
          if (located.init || located.container[field]) continue;
          report({ component: workload.component, object: workload.object, path: `${located.path}.${field}`, message: `${describeContainer(located)} has no ${label} probe` });
        }
      }
    },
  };
}

export const readinessProbeRule = probeRule('probes.readiness', 'readinessProbe', 'readiness',
  'Without a readiness probe a pod receives traffic (and a rollout moves on) before it can serve.');

export const livenessProbeRule = probeRule('probes.liveness', 'livenessProbe', 'liveness',
  'Without a liveness probe a hung process keeps its pod running and is never restarted.');

export const probeRules: PolicyRule[] = [readinessProbeRule, livenessProbeRule];
