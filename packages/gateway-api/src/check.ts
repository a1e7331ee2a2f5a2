import type { ConfigChecks } from '@platform/core';
import { checkEdgeSettings } from '@platform/edge';
import type { GatewayConfig } from './config.js';

/** Semantic checks of the Gateway's configuration. */
export function checkConfig(config: GatewayConfig, checks: ConfigChecks): void {
  checks.dnsLabel('name', config.name);
  checks.dnsLabel('className', config.className);
  checks.dnsLabel('implementation.component', config.implementation.component);
  checks.require(
    Object.keys(config.implementation.pods).length > 0,
    'implementation.pods',
    "the implementation's pod labels are needed to admit it to routed backends; got none",
  );
  checks.integer('listenerPorts.http', config.listenerPorts.http, { min: 1, max: 65535 });
  checks.integer('listenerPorts.https', config.listenerPorts.https, { min: 1, max: 65535 });
  checks.require(
    config.listenerPorts.http !== config.listenerPorts.https,
    'listenerPorts.https',
    'HTTP and HTTPS need different ports',
  );
  checkEdgeSettings(config, checks);
}
