import type { ConfigChecks, ResourceRequirements } from '@platform/core';

/** Configuration of the Barman Cloud plugin (`barmanCloud()`). Every field has a documented default. */
export interface BarmanCloudConfig {
  /**
   * Resources of the plugin's controller. Default requests 20m / 64Mi, limit 256Mi. (The sidecar it injects into
   * instance pods is sized per cluster: `backup.sidecarResources` of `postgresCluster()`.)
   */
  resources: ResourceRequirements;
  /** The operator component, which the plugin must follow and share a namespace with. Default `cloudnative-pg`. */
  operator: string;
  /** The cert-manager component that issues the plugin's mTLS certificates. Default `cert-manager`. */
  certManager: string;
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const barmanCloudDefaults: BarmanCloudConfig = {
  resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { memory: '256Mi' } },
  operator: 'cloudnative-pg',
  certManager: 'cert-manager',
  extraValues: {},
};

/** Semantic checks of the plugin's configuration. */
export function checkBarmanCloud(config: BarmanCloudConfig, checks: ConfigChecks): void {
  checks.resources('resources', config.resources);
  checks.dnsLabel('operator', config.operator);
  checks.dnsLabel('certManager', config.certManager);
}
