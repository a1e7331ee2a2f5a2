import { type ConfigChecks, isHostName } from '@platform/core';
import type { ArgoCdConfig, ResourceRequirements } from './config.js';
import { REQUIRED_CM, REQUIRED_PARAMS } from './values.js';

function checkReserved(checks: ConfigChecks, path: string, given: unknown, reserved: Record<string, string>): void {
  if (typeof given !== 'object' || given === null) return;
  for (const key of Object.keys(given)) {
    checks.require(
      !(key in reserved),
      `${path}.${key}`,
      "is set by @platform/argo-cd because the platform's delivery depends on it; it cannot be changed here",
    );
  }
}

/** Semantic checks of the merged configuration. */
export function checkConfig(config: ArgoCdConfig, checks: ConfigChecks): void {
  if (config.domain !== undefined) {
    checks.require(
      typeof config.domain === 'string' && isHostName(config.domain),
      'domain',
      `expected a host name such as "argocd.example.com", got ${JSON.stringify(config.domain)}`,
    );
  }
  checks.integer('replicas.controller', config.replicas.controller, { min: 1 });
  for (const component of ['server', 'repoServer', 'applicationSet'] as const) {
    const replicas = config.replicas[component];
    if (replicas === undefined) continue;
    checks.integer(`replicas.${component}`, replicas, { min: 1 });
    if (config.highAvailability)
      checks.require(
        replicas >= 2,
        `replicas.${component}`,
        `high availability needs at least 2 replicas, got ${replicas}`,
      );
  }
  for (const [name, resources] of Object.entries(config.resources)) {
    if (name === 'redisHa') continue;
    checks.resources(`resources.${name}`, resources as ResourceRequirements);
  }
  for (const [name, resources] of Object.entries(config.resources.redisHa))
    checks.resources(`resources.redisHa.${name}`, resources);
  checks.require(
    config.egressPorts.length > 0,
    'egressPorts',
    'Argo CD needs to reach its repositories on at least one port (usually 443)',
  );
  config.egressPorts.forEach((port, index) => checks.integer(`egressPorts[${index}]`, port, { min: 1, max: 65535 }));
  checkReserved(checks, 'configs.cm', config.configs.cm, REQUIRED_CM);
  checkReserved(checks, 'configs.params', config.configs.params, REQUIRED_PARAMS);
  const extraConfigs = (config.extraValues.configs ?? {}) as { cm?: unknown; params?: unknown };
  checkReserved(checks, 'extraValues.configs.cm', extraConfigs.cm, REQUIRED_CM);
  checkReserved(checks, 'extraValues.configs.params', extraConfigs.params, REQUIRED_PARAMS);
}
