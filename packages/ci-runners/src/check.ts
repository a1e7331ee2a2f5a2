import type { ConfigChecks } from '@platform/core';
import type { RunnerScaleSetConfig } from './config.js';

/** Semantic checks of a scale set's configuration. */
export function checkScaleSetConfig(config: RunnerScaleSetConfig, checks: ConfigChecks): void {
  checks.url('githubConfigUrl', config.githubConfigUrl, { schemes: ['https'] });
  for (const field of ['appId', 'installationId', 'privateKey'] as const)
    checks.require(
      config.githubApp[field].key.trim() !== '',
      `githubApp.${field}.key`,
      'expected the path of the secret in the platform store, e.g. "platform/prod/github-app"',
    );
  checks.integer('minRunners', config.minRunners, { min: 0 });
  checks.integer('maxRunners', config.maxRunners, { min: 1 });
  checks.require(
    config.minRunners <= config.maxRunners,
    'minRunners',
    `minRunners (${config.minRunners}) must not exceed maxRunners (${config.maxRunners})`,
  );
  checks.resources('resources', config.resources);
  if (config.runnerScaleSetName !== undefined)
    checks.require(
      config.runnerScaleSetName.length > 0 && config.runnerScaleSetName.length <= 45,
      'runnerScaleSetName',
      'the chart accepts a name of 1 to 45 characters (autoscalingrunnerset.yaml:6-8)',
    );
  if (config.quota) {
    checks.quantity('quota.cpu', config.quota.cpu);
    checks.quantity('quota.memory', config.quota.memory);
    checks.quantity('quota.limitsMemory', config.quota.limitsMemory);
  }
  checks.dnsLabel('controller.namespace', config.controller.namespace);
}
