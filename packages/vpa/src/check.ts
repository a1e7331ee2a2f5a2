import type { ConfigChecks } from '@platform/core';
import type { VpaConfig } from './config.js';

/** Semantic checks of the merged configuration: what types cannot say. */
export function checkConfig(config: VpaConfig, checks: ConfigChecks): void {
  for (const part of ['recommender', 'admissionController', 'updater'] as const) {
    checks.integer(`${part}.replicas`, config[part].replicas, { min: 1 });
    checks.resources(`${part}.resources`, config[part].resources);
  }
  // Evicted pods come back with the requests they had unless the admission controller rewrites them.
  checks.require(
    !config.updater.enabled || config.admissionController.enabled,
    'updater.enabled',
    'the updater evicts pods so that they come back with recommended requests, which only the admission controller sets; enable admissionController too',
  );
}
