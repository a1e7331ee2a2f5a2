import type { ConfigChecks } from '@platform/core';
import type { CloudnativePgConfig } from './config.js';

/** Semantic checks of the operator's configuration: what types cannot say. */
export function checkConfig(config: CloudnativePgConfig, checks: ConfigChecks): void {
  checks.integer('replicas', config.replicas, { min: 1 });
  checks.resources('resources', config.resources);
  checks.integer('maxConcurrentReconciles', config.maxConcurrentReconciles, { min: 1 });
}
