import type { BuildContext } from '@platform/core';
import { type Check, podPolicy } from './admission.js';
import type { KyvernoConfig } from './config.js';
import type { IValidatingPolicy } from './kinds.js';

/** Name of the ValidatingPolicy. */
export const RESOURCES_POLICY = 'platform-resource-requests';

/**
 * `resources.requests` of @platform/policy at run time: every container, init containers included (they run on
 * the same node), requests CPU and memory; a limit counts, since Kubernetes copies a limit into a missing request.
 */
export const RESOURCE_CHECKS: Check[] = ['cpu', 'memory'].map((resource) => ({
  rule: 'resources.requests',
  expression: `variables.containers.all(c, '${resource}' in c.?resources.?requests.orValue({}) || '${resource}' in c.?resources.?limits.orValue({}))`,
  message: `every container must request ${resource === 'cpu' ? 'CPU' : 'memory'}`,
}));

/** Resource requests on every container, at run time. */
export function resourcesPolicy(context: BuildContext<KyvernoConfig>): IValidatingPolicy {
  const { policies } = context.config;
  return podPolicy(context, RESOURCES_POLICY, policies.resources.enforcement ?? policies.enforcement, RESOURCE_CHECKS);
}
