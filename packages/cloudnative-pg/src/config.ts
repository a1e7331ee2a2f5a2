import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** Configuration of the CloudNativePG operator (`cloudnativePg()`). Every field has a documented default. */
export interface CloudnativePgConfig {
  /**
   * Operator replicas. Default 2: one leads (leader election), the other keeps the admission webhooks up, whose
   * `failurePolicy: Fail` would otherwise block every change to a Cluster while the leader restarts.
   */
  replicas: number;
  /** Resources of the operator container. Default requests 50m / 128Mi, limit 512Mi. */
  resources: ResourceRequirements;
  /** Clusters reconciled in parallel (chart `config.maxConcurrentReconciles`). Default 10. */
  maxConcurrentReconciles: number;
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: CloudnativePgConfig = {
  replicas: 2,
  resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '512Mi' } },
  maxConcurrentReconciles: 10,
  extraValues: {},
};
