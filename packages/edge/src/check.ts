import type { ConfigChecks } from '@platform/core';
import type { IngressEdgeConfig } from './config.js';
import { checkEdgeSettings } from './edge-settings.js';

/** Semantic checks of the Ingress edge's configuration. */
export function checkConfig(config: IngressEdgeConfig, checks: ConfigChecks): void {
  checks.dnsLabel('className', config.className);
  checks.oneOf('dialect', config.dialect, ['none', 'ingress-nginx'] as const);
  checks.require(
    Object.keys(config.controllerPods).length > 0,
    'controllerPods',
    "the controller's pod labels are needed to admit it to routed backends; got none",
  );
  checkEdgeSettings(config, checks);
}
