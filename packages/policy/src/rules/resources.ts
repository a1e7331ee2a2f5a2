import type { PolicyRule } from '@platform/core';
import { containerRule } from '../container-rule.js';
import { describeContainer } from '../inventory.js';

/**
 * Requests let the scheduler place pods where they fit; a memory limit keeps one leaking container from
 * pushing its neighbours into the node's OOM killer. Init containers count: they run on the same node.
 * A request may be left out when the matching limit is set, because Kubernetes then copies the limit into it.
 */

export const resourceRequestsRule = containerRule({
  id: 'resources.requests',
  severity: 'error',
  rationale: 'Without CPU and memory requests the scheduler places pods blind and evicts them first.',
  checkContainer({ located, report }) {
    const resources = located.container.resources ?? {};
    for (const [resource, label] of [
      ['cpu', 'CPU'],
      ['memory', 'memory'],
    ] as const) {
      if (resources.requests?.[resource] === undefined && resources.limits?.[resource] === undefined) {
        report(
          `${located.path}.resources.requests.${resource}`,
          `${describeContainer(located)} has no ${label} request`,
        );
      }
    }
  },
});

export const memoryLimitRule = containerRule({
  id: 'resources.memory-limit',
  severity: 'error',
  rationale: "Without a memory limit one leaking container can exhaust its node's memory.",
  checkContainer({ located, report }) {
    if (located.container.resources?.limits?.memory === undefined) {
      report(`${located.path}.resources.limits.memory`, `${describeContainer(located)} has no memory limit`);
    }
  },
});

export const resourceRules: PolicyRule[] = [resourceRequestsRule, memoryLimitRule];
