import { type ConfigChecks, isHostName } from '@platform/core';
import type { HarborConfig, PartConfig } from './config.js';

/** Harbor's project names (goharbor/harbor v2.15.1 src/pkg/project/manager.go:61). */
const PROJECT_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const PARTS = ['core', 'portal', 'registry', 'jobservice', 'nginx', 'exporter'] as const;

/** Semantic checks of the merged configuration: what types cannot say. */
export function checkConfig(config: HarborConfig, checks: ConfigChecks): void {
  checks.require(
    config.host.includes('.') ? isHostName(config.host) : /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(config.host),
    'host',
    `expected a host label or a lower-case host name, got ${JSON.stringify(config.host)}`,
  );
  checks.require(
    config.secretsKey.trim() !== '' && !config.secretsKey.startsWith('/'),
    'secretsKey',
    'give the path in the secret store of Harbor\'s secrets, such as "platform/selfhosted/harbor" (see the README, "Bootstrap")',
  );
  for (const part of PARTS) {
    const value: PartConfig = config[part];
    checks.integer(`${part}.replicas`, value.replicas, { min: 1 });
    checks.resources(`${part}.resources`, value.resources);
  }
  checks.resources('trivy.resources', config.trivy.resources);
  checks.resources('configureJob.resources', config.configureJob.resources);
  checks.duration('tokenCertificate.duration', config.tokenCertificate.duration, 'go');
  checks.duration('tokenCertificate.renewBefore', config.tokenCertificate.renewBefore, 'go');
  checks.url('alerts.runbookUrl', config.alerts.runbookUrl);
  const projects = new Set<string>();
  config.proxyCache.forEach((entry, index) => {
    const path = `proxyCache[${index}]`;
    checks.require(
      PROJECT_NAME.test(entry.project),
      `${path}.project`,
      `"${entry.project}" is not a Harbor project name (lower-case letters and digits, separated by ".", "_" or "-")`,
    );
    checks.require(!projects.has(entry.project), `${path}.project`, `"${entry.project}" is listed twice`);
    projects.add(entry.project);
    checks.oneOf(`${path}.type`, entry.type, ['docker-hub', 'github-ghcr', 'docker-registry']);
    checks.url(`${path}.url`, entry.url, { schemes: ['https'] });
  });
}
