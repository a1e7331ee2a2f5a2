import type { ConfigChecks } from '@platform/core';
import { checkEdgeSettings, checkLoadBalancer } from '@platform/edge';
import type { TraefikConfig } from './config.js';

/** Semantic checks of the merged configuration. */
export function checkConfig(config: TraefikConfig, checks: ConfigChecks): void {
  checks.integer('replicas', config.replicas, { min: 1 });
  checks.resources('resources', config.resources);
  checks.oneOf('logLevel', config.logLevel, ['debug', 'info', 'warn', 'error'] as const);
  checks.oneOf('routes', config.routes, ['ingressroute', 'gateway-api'] as const);
  checks.dnsLabel('className', config.className);
  checkLoadBalancer('loadBalancer', config.loadBalancer, checks);
  checkEdgeSettings(config, checks);
  checks.require(
    config.internalSourceRanges.length === 0 || config.loadBalancer.externalTrafficPolicy === 'Local',
    'loadBalancer.externalTrafficPolicy',
    "internal routes admit clients by address, which Traefik sees only with 'Local' (with 'Cluster' every request comes from a node)",
  );
  checks.require(
    config.alerts.serverErrorRatio > 0 && config.alerts.serverErrorRatio < 1,
    'alerts.serverErrorRatio',
    `expected a share between 0 and 1, got ${config.alerts.serverErrorRatio}`,
  );
  checks.integer('alerts.certificateWarningDays', config.alerts.certificateWarningDays, { min: 1 });
  checks.url('alerts.runbookUrl', config.alerts.runbookUrl);
  if (config.podDisruptionBudget)
    checks.require(
      config.replicas >= 2,
      'replicas',
      `a PodDisruptionBudget with one replica blocks every node drain; run at least 2 or set podDisruptionBudget: false, got ${config.replicas}`,
    );
}
