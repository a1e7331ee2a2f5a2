import type { PolicyRule } from '@platform/core';
import { containersOf, describeContainer, inventoryOf } from '../inventory.js';

/**
 * Requests let the scheduler place pods where they fit; a memory limit keeps one leaking container from
 * pushing its neighbours into the node's OOM killer. Init containers count: they run on the same node.
 * A request may be left out when the matching limit is set, because Kubernetes then copies the limit into it.
 */

export const resourceRequestsRule: PolicyRule = {
  id: 'resources.requests',
  severity: 'error',
  rationale: 'Without CPU and memory requests the scheduler places pods blind and evicts them first.',
  check(environment, report) {
    for (const workload of inventoryOf(environment).workloads) {
      for (const located of containersOf(workload)) {
        const resources = located.container.resources ?? {};
        for (const [resource, label] of [['cpu', 'CPU'], ['memory', 'memory']] as const) {
          if (resources.requests?.[resource] === undefined && resources.limits?.[resource] === undefined) {
            report({ component: workload.component, object: workload.object, path: `${located.path}.resources.requests.${resource}`, message: `${describeContainer(located)} has no ${label} request` });
          }
        }
      }
    }
  },
};

export const memoryLimitRule: PolicyRule = {
  id: 'resources.memory-limit',
  severity: 'error',
  rationale: 'Without a memory limit one leaking container can exhaust its node\'s memory.',
  check(environment, report) {
    for (const workload of inventoryOf(environment).workloads) {
      for (const located of containersOf(workload)) {
        if (located.container.resources?.limits?.memory === undefined) {
          report({ component: workload.component, object: workload.object, path: `${located.path}.resources.limits.memory`, message: `${describeContainer(located)} has no memory limit` });
        }
      }
    }
  },
};

export const resourceRules: PolicyRule[] = [resourceRequestsRule, memoryLimitRule];
