import { type ConfigChecks, parseDuration } from '@platform/core';
import type { DeschedulerConfig, Thresholds } from './config.js';

function percentages(checks: ConfigChecks, path: string, value: Thresholds): void {
  for (const resource of ['cpu', 'memory', 'pods'] as const)
    checks.integer(`${path}.${resource}`, value[resource], { min: 0, max: 100 });
}

/** Semantic checks of the merged configuration: what types cannot say. */
export function checkConfig(config: DeschedulerConfig, checks: ConfigChecks): void {
  checks.duration('interval', config.interval, 'go').duration('minPodAge', config.minPodAge, 'go');
  const interval = parseDuration(config.interval, 'go');
  checks.require(
    interval === undefined || interval >= 60,
    'interval',
    `runs of less than a minute apart only churn pods, got "${config.interval}"`,
  );
  checks.integer('minReplicas', config.minReplicas, { min: 1 });
  checks.resources('resources', config.resources);
  const low = config.profile.lowNodeUtilization;
  percentages(checks, 'profile.lowNodeUtilization.thresholds', low.thresholds);
  percentages(checks, 'profile.lowNodeUtilization.targetThresholds', low.targetThresholds);
  for (const resource of ['cpu', 'memory', 'pods'] as const)
    checks.require(
      low.thresholds[resource] <= low.targetThresholds[resource],
      `profile.lowNodeUtilization.targetThresholds.${resource}`,
      `must not be below thresholds.${resource} (${low.thresholds[resource]}): a node cannot be both under- and over-utilised, got ${low.targetThresholds[resource]}`,
    );
  const profile = config.profile;
  checks.require(
    profile.lowNodeUtilization.enabled ||
      profile.removeDuplicates.enabled ||
      profile.removePodsViolatingTopologySpreadConstraint.enabled,
    'profile',
    'every plugin is disabled: remove the component instead',
  );
  config.excludeNamespaces.forEach((ns, i) => {
    checks.dnsLabel(`excludeNamespaces[${i}]`, ns);
  });
  checks.integer('alerts.evictionsPerHour', config.alerts.evictionsPerHour, { min: 1 });
}
