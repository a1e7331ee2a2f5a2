import type { ConfigChecks } from '@platform/core';
import { checkEdgeSettings, checkLoadBalancer } from '@platform/edge';
import type { ContourConfig } from './config.js';

/** Semantic checks of the merged configuration. */
export function checkConfig(config: ContourConfig, checks: ConfigChecks): void {
  for (const part of ['contour', 'envoy'] as const)
    checks.integer(`replicas.${part}`, config.replicas[part], { min: 1 });
  for (const part of ['contour', 'envoy', 'shutdownManager', 'initConfig'] as const)
    checks.resources(`resources.${part}`, config.resources[part]);
  checks.oneOf('logLevel', config.logLevel, ['debug', 'info', 'warn', 'error'] as const);
  checks.dnsLabel('className', config.className);
  checkLoadBalancer('loadBalancer', config.loadBalancer, checks);
  checkEdgeSettings(config, checks);
  if (config.authorization) {
    checks.dnsLabel('authorization.namespace', config.authorization.namespace);
    checks.dnsLabel('authorization.name', config.authorization.name);
    checks.integer('authorization.port', config.authorization.port, { min: 1, max: 65535 });
  }
  checks.require(
    config.internalSourceRanges.length === 0 || config.loadBalancer.externalTrafficPolicy === 'Local',
    'loadBalancer.externalTrafficPolicy',
    "internal routes admit clients by address, which Envoy sees only with 'Local' (with 'Cluster' every request comes from a node)",
  );
  checks.url('alerts.runbookUrl', config.alerts.runbookUrl);
}
