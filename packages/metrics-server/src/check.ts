import { type ConfigChecks, parseDuration } from '@platform/core';
import type { MetricsServerConfig } from './config.js';

/** Semantic checks of the merged configuration: what types cannot say. */
export function checkConfig(config: MetricsServerConfig, checks: ConfigChecks): void {
  checks.integer('replicas', config.replicas, { min: 1 });
  checks.duration('metricResolution', config.metricResolution, 'go');
  const resolution = parseDuration(config.metricResolution, 'go');
  // metrics-server exits at start below 10s (cmd/metrics-server/app/options/options.go:74-75 at v0.8.1).
  checks.require(
    resolution === undefined || resolution >= 10,
    'metricResolution',
    `metrics-server refuses a resolution below 10s, got "${config.metricResolution}"`,
  );
  checks.require(
    config.tls === 'cert-manager' || config.tls === 'self-signed',
    'tls',
    `expected "cert-manager" or "self-signed", got ${JSON.stringify(config.tls)}`,
  );
  checks.resources('resources', config.resources);
}
