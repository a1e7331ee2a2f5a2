import type { ConfigChecks } from '@platform/core';
import { ACCESS_LOG_ENCODINGS, type IstiodConfig, MTLS_MODES, OUTBOUND_TRAFFIC_POLICIES } from './config.js';

/** Semantic checks of istiod's merged configuration. */
export function checkConfig(config: IstiodConfig, checks: ConfigChecks): void {
  checks.integer('replicas', config.replicas, { min: 1 });
  checks.integer('autoscale.min', config.autoscale.min, { min: 1 });
  checks.integer('autoscale.max', config.autoscale.max, { min: 1 });
  checks.require(
    config.autoscale.max >= config.autoscale.min,
    'autoscale.max',
    `must be at least autoscale.min (${config.autoscale.min}), got ${config.autoscale.max}`,
  );
  checks.resources('resources', config.resources);
  checks.resources('proxyResources', config.proxyResources);
  checks.oneOf('mesh.mtlsMode', config.mesh.mtlsMode, MTLS_MODES);
  checks.oneOf('mesh.accessLogEncoding', config.mesh.accessLogEncoding, ACCESS_LOG_ENCODINGS);
  checks.oneOf('mesh.outboundTrafficPolicy', config.mesh.outboundTrafficPolicy, OUTBOUND_TRAFFIC_POLICIES);
  checks.require(
    config.mesh.accessLogFile === '' || config.mesh.accessLogFile.startsWith('/'),
    'mesh.accessLogFile',
    `expected an absolute path such as "/dev/stdout", or "" for no access log, got "${config.mesh.accessLogFile}"`,
  );
  checks.dnsLabel('baseComponent', config.baseComponent);
}
