import type { ResourceRequirements } from '@platform/core';

/** Resources as Linkerd's charts take them: `{ cpu: { request, limit }, memory: { request, limit } }`. */
export interface LinkerdResources {
  cpu: { request: string; limit?: string };
  memory: { request: string; limit: string };
}

/** Kubernetes requests and limits in Linkerd's chart shape (an unset CPU limit stays unset). */
export function linkerdResources({ requests, limits }: ResourceRequirements): LinkerdResources {
  return {
    cpu: { request: requests.cpu, ...(limits.cpu ? { limit: limits.cpu } : {}) },
    memory: { request: requests.memory, limit: limits.memory },
  };
}
