import { type BuildContext, parseQuantity, standardLabels } from '@platform/core';
import type { RunnerScaleSetConfig } from './config.js';

const MI = 1024 * 1024;

/** `n` times a quantity, as millicores (`cpu`) or mebibytes (memory), rounded up. */
function times(quantity: string | number | undefined, n: number, unit: 'cpu' | 'memory'): string {
  const value = (parseQuantity(quantity) ?? 0) * n;
  return unit === 'cpu' ? `${Math.ceil(value * 1000)}m` : `${Math.ceil(value / MI)}Mi`;
}

/** The quota of the runner namespace: the configured one, or `maxRunners` runners' requests and limits. */
export function runnerQuota(config: RunnerScaleSetConfig): { cpu: string; memory: string; limitsMemory: string } {
  if (config.quota) return config.quota;
  const { requests, limits } = config.resources;
  const n = config.maxRunners;
  return {
    cpu: times(requests.cpu, n, 'cpu'),
    memory: times(requests.memory, n, 'memory'),
    limitsMemory: times(limits.memory, n, 'memory'),
  };
}

/**
 * The runner namespace's ResourceQuota (the scale set's pods together never request more than `maxRunners`
 * runners) and LimitRange (a pod without requests, e.g. one a job creates in kubernetes mode, gets the runner's).
 */
export function quotaObjects({ config, name, namespace }: BuildContext<RunnerScaleSetConfig>) {
  const quota = runnerQuota(config);
  const { requests, limits } = config.resources;
  return {
    runners_resourcequota: {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'runners', namespace, labels: standardLabels(name, 'quota') },
      spec: {
        hard: {
          'requests.cpu': quota.cpu,
          'requests.memory': quota.memory,
          'limits.memory': quota.limitsMemory,
          // One pod per runner (the listener runs in the controller's namespace).
          pods: String(config.maxRunners),
        },
      },
    },
    runners_limitrange: {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'runners', namespace, labels: standardLabels(name, 'quota') },
      spec: {
        limits: [
          {
            type: 'Container',
            defaultRequest: { cpu: requests.cpu, memory: requests.memory },
            default: { memory: limits.memory },
          },
        ],
      },
    },
  };
}
