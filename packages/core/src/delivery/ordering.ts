import { PlatformError, type Problem } from '../model/errors.js';
import type { SyncStep } from '../model/rendered.js';
import { TIERS, type Tier } from '../model/tiers.js';

export type { SyncStep };

/** What ordering needs to know of a component. */
export interface OrderingNode {
  name: string;
  tier: Tier;
  dependsOn: string[];
}

/**
 * Orders components into sync steps. Tiers come first (crds → operators → platform → workloads); inside a
 * tier a component comes one level after the latest component it depends on. A dependency on a missing
 * component, a dependency on a later tier and a cycle are errors; a cycle is reported as the path around it.
 */
export function syncSteps(nodes: OrderingNode[]): SyncStep[] {
  const byName = new Map(nodes.map((node) => [node.name, node]));
  const problems: Problem[] = [];
  for (const node of nodes) {
    for (const dependency of node.dependsOn) {
      const target = byName.get(dependency);
      if (!target) {
        problems.push({
          component: node.name,
          path: 'dependsOn',
          message: `depends on "${dependency}", which is not a component of this environment`,
        });
      } else if (TIERS.indexOf(target.tier) > TIERS.indexOf(node.tier)) {
        problems.push({
          component: node.name,
          path: 'dependsOn',
          message: `is in tier "${node.tier}" but depends on "${dependency}" in the later tier "${target.tier}"; move one of them`,
        });
      }
    }
  }
  const cycle = findCycle(nodes, byName);
  if (cycle) problems.push({ path: 'dependsOn', message: `dependency cycle: ${cycle.join(' → ')}` });
  if (problems.length > 0) throw new PlatformError(problems);

  const level = new Map<string, number>();
  const levelOf = (node: OrderingNode): number => {
    const known = level.get(node.name);
    if (known !== undefined) return known;
    let result = 1;
    for (const dependency of node.dependsOn) {
      const target = byName.get(dependency)!;
      if (target.tier === node.tier) result = Math.max(result, levelOf(target) + 1);
    }
    level.set(node.name, result);
    return result;
  };

  const steps: SyncStep[] = [];
  for (const tier of TIERS) {
    const members = nodes.filter((node) => node.tier === tier);
    const levels = new Map<number, string[]>();
    for (const node of members) {
      const l = levelOf(node);
      levels.set(l, [...(levels.get(l) ?? []), node.name]);
    }
    for (const l of [...levels.keys()].sort((a, b) => a - b)) {
      steps.push({ wave: steps.length + 1, tier, level: l, components: levels.get(l)!.sort() });
    }
  }
  return steps;
}

function findCycle(nodes: OrderingNode[], byName: Map<string, OrderingNode>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const dependency of byName.get(name)?.dependsOn ?? []) {
      if (!byName.has(dependency)) continue;
      const cycle = visit(dependency);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const node of [...nodes].sort((a, b) => a.name.localeCompare(b.name))) {
    const cycle = visit(node.name);
    if (cycle) return cycle;
  }
  return undefined;
}
