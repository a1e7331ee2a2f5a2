import { type DeepPartial, isPlatformError, mergeConfig, PlatformError, type Problem } from '@platform/core';
import type { KarpenterConfig, NodeClassConfig, NodePoolConfig } from './config.js';

/** A pool or node class with its object name. */
export interface Named<T> {
  name: string;
  /** Where it is configured, for messages: `pools.default`, `extraPools.gpu`. */
  path: string;
  value: T;
}

/**
 * `base` with `extra` merged over it as configuration (unknown fields and wrong types are problems located
 * under `path`). With `problems`, a bad entry is recorded there and skipped; without, it throws.
 */
function extended<T extends object>(
  entries: Record<string, Partial<T>>,
  base: T,
  prefix: string,
  problems?: Problem[],
): Array<Named<T>> {
  const result: Array<Named<T>> = [];
  for (const [name, extra] of Object.entries(entries)) {
    const path = `${prefix}.${name}`;
    try {
      result.push({ name, path, value: mergeConfig(base, extra as DeepPartial<T>) });
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      const located = error.problems.map((p) => ({ ...p, path: `${path}.${p.path}` }));
      if (!problems) throw new PlatformError(located);
      problems.push(...located);
    }
  }
  return result;
}

/** Every pool: the two default ones, then `extraPools`, each of those starting from `pools.default`. */
export function nodePools(config: KarpenterConfig, problems?: Problem[]): Array<Named<NodePoolConfig>> {
  return [
    { name: 'default', path: 'pools.default', value: config.pools.default },
    { name: 'stateful', path: 'pools.stateful', value: config.pools.stateful },
    ...extended(config.extraPools, config.pools.default, 'extraPools', problems),
  ];
}

/** Every node class: `default`, then `extraNodeClasses`, each of those starting from `nodeClass`. */
export function nodeClasses(config: KarpenterConfig, problems?: Problem[]): Array<Named<NodeClassConfig>> {
  return [
    { name: 'default', path: 'nodeClass', value: config.nodeClass },
    ...extended(config.extraNodeClasses, config.nodeClass, 'extraNodeClasses', problems),
  ];
}
