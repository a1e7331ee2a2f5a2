import type { ConfigChecks } from '@platform/core';
import type { KyvernoConfig } from './config.js';

const CONTROLLERS = ['admission', 'background', 'cleanup', 'reports'] as const;

/** Semantic checks of the merged configuration: what types cannot say. */
export function checkConfig(config: KyvernoConfig, checks: ConfigChecks): void {
  for (const controller of CONTROLLERS) {
    checks.integer(`replicas.${controller}`, config.replicas[controller], { min: 1 });
    checks.resources(`resources.${controller}`, config.resources[controller]);
  }
  const { trustBundle, policies } = config;
  if (trustBundle.mountPath !== undefined)
    checks.require(
      trustBundle.mountPath.startsWith('/'),
      'trustBundle.mountPath',
      `expected an absolute path, got "${trustBundle.mountPath}"`,
    );
  (trustBundle.env ?? []).forEach((name, i) =>
    checks.require(
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(name),
      `trustBundle.env[${i}]`,
      `"${name}" is not an environment variable name`,
    ),
  );
  const enforcement = (path: string, value: string | undefined) =>
    checks.require(
      value === undefined || value === 'Audit' || value === 'Enforce',
      path,
      `expected "Audit" or "Enforce", got ${JSON.stringify(value)}`,
    );
  enforcement('policies.enforcement', policies.enforcement);
  for (const policy of ['podSecurity', 'images', 'resources'] as const)
    enforcement(`policies.${policy}.enforcement`, policies[policy].enforcement);
  checks.require(
    trustBundle.failurePolicy === 'Fail' || trustBundle.failurePolicy === 'Ignore',
    'trustBundle.failurePolicy',
    `expected "Fail" or "Ignore", got ${JSON.stringify(trustBundle.failurePolicy)}`,
  );
  policies.excludeNamespaces.forEach((ns, i) => checks.dnsLabel(`policies.excludeNamespaces[${i}]`, ns));
  checks.url('alerts.runbookUrl', config.alerts.runbookUrl);
}
