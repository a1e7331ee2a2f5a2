import type { EnvironmentSettings } from './environment.js';
import { resolveObjectStorage, type ResolvedObjectStorage } from './object-storage.js';

/** Environment settings with every default filled in. */
export interface ResolvedSettings extends EnvironmentSettings {
  objectStorage: ResolvedObjectStorage;
  tenant: string;
  serviceMonitors: boolean;
  clusterDomain: string;
  metricsScraperNamespaces: string[];
}

/** Fills in the documented defaults of {@link EnvironmentSettings}. */
export function resolveSettings(environmentName: string, settings: EnvironmentSettings): ResolvedSettings {
  return {
    ...settings,
    objectStorage: resolveObjectStorage(settings.objectStorage),
    tenant: settings.tenant ?? environmentName,
    serviceMonitors: settings.serviceMonitors ?? true,
    clusterDomain: settings.clusterDomain ?? 'cluster.local',
    metricsScraperNamespaces: settings.metricsScraperNamespaces ?? [],
  };
}

/** The in-cluster DNS name of a Service: `distributor.mimir.svc.cluster.local`. */
export function serviceHost(service: string, namespace: string, settings: Pick<ResolvedSettings, 'clusterDomain'>): string {
  return `${service}.${namespace}.svc.${settings.clusterDomain}`;
}
