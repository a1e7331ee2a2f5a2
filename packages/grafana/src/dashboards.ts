import {
  type BuildContext,
  configMap,
  type DashboardSet,
  type IConfigMap,
  type IVolume,
  type IVolumeMount,
  PlatformError,
  stableJson,
} from '@platform/core';
import { platformDashboards } from '@platform/dashboards';
import type { GrafanaConfig } from './config.js';
import { provisioningFile } from './provisioning-file.js';

/** Where dashboard files are mounted, one folder per provider. Outside the data volume, read-only. */
const DASHBOARDS_DIR = '/var/lib/grafana-dashboards';

/**
 * Bytes of dashboard JSON per ConfigMap. An object may be 1 MiB in etcd; the rest is left for metadata
 * and the annotations Argo CD adds. Larger sets are split over several ConfigMaps in one projected volume.
 */
export const CONFIGMAP_BUDGET = 900 * 1024;

/** Names of dashboard files Grafana's file provider loads. */
export const DASHBOARD_FILE_NAME = /^[-._a-zA-Z0-9]+\.json$/;
const MAX_FOLDER_UID = 40;

/** One dashboard provider: a folder of Grafana filled from one component's dashboards. */
export interface DashboardProvider {
  /** Provider name and folder uid: the component name (`<component>-<n>` for a second set). */
  id: string;
  folder: string;
  /** Files by name, serialised. */
  files: Array<[string, string]>;
}

function serializeDashboard(owner: string, file: string, dashboard: unknown): string {
  if (!DASHBOARD_FILE_NAME.test(file)) {
    throw new PlatformError({
      component: owner,
      path: `dashboards.${file}`,
      message: 'dashboard file names must end in .json and use only letters, digits, ".", "-" and "_"',
    });
  }
  const value = typeof dashboard === 'string' ? parseJson(owner, file, dashboard) : dashboard;
  return stableJson(value);
}

function parseJson(owner: string, file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PlatformError({
      component: owner,
      path: `dashboards.${file}`,
      message: `is not valid JSON: ${(error as Error).message}`,
    });
  }
}

/**
 * One provider per dashboard set of the environment (in component order) and one for Grafana's own
 * dashboards (the platform's and the environment's `dashboards.files`), with every file serialised with sorted keys so the output does not depend on how the
 * dashboards were built.
 */
export function dashboardProviders(context: BuildContext<GrafanaConfig>): DashboardProvider[] {
  const sets: DashboardSet[] = [...context.peers.all('dashboards')];
  const own = context.config.dashboards;
  // The platform's own dashboards (resources against requests, Argo CD, certificates, component health) share
  // Grafana's folder with the environment's; an environment's file of the same name replaces the platform's.
  sets.push({
    component: context.name,
    namespace: context.namespace,
    folder: own.folder,
    dashboards: { ...platformDashboards(), ...own.files },
  });
  const seen = new Map<string, number>();
  return sets.map((set) => {
    const count = (seen.get(set.component) ?? 0) + 1;
    seen.set(set.component, count);
    const id = count === 1 ? set.component : `${set.component}-${count}`;
    if (id.length > MAX_FOLDER_UID)
      throw new PlatformError({
        component: set.component,
        message: `dashboard folder uid "${id}" is longer than Grafana's ${MAX_FOLDER_UID} characters`,
      });
    const files = Object.keys(set.dashboards)
      .sort()
      .map((file): [string, string] => [file, serializeDashboard(set.component, file, set.dashboards[file])]);
    return { id, folder: set.folder, files };
  });
}

/** Splits a provider's files into ConfigMap-sized chunks, in file order. */
function chunks(provider: DashboardProvider): Array<Array<[string, string]>> {
  const result: Array<Array<[string, string]>> = [];
  let current: Array<[string, string]> = [];
  let size = 0;
  for (const [file, json] of provider.files) {
    const bytes = Buffer.byteLength(json) + Buffer.byteLength(file);
    if (bytes > CONFIGMAP_BUDGET) {
      throw new PlatformError({
        component: provider.id,
        path: `dashboards.${file}`,
        message: `is ${bytes} bytes, more than fits in a ConfigMap (${CONFIGMAP_BUDGET})`,
      });
    }
    if (size + bytes > CONFIGMAP_BUDGET && current.length > 0) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push([file, json]);
    size += bytes;
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** Object names of dashboard ConfigMaps: `dashboards_<component>[_<n>]_configmap`. */
export type DashboardConfigMapKey = `dashboards_${string}_configmap`;

/** The ConfigMaps, volumes and mounts that carry every provider's dashboards into the pod. */
export interface DashboardObjects {
  configMaps: Record<DashboardConfigMapKey, IConfigMap>;
  volumes: IVolume[];
  mounts: IVolumeMount[];
  /** `provisioning/dashboards/providers.yaml`. */
  providersFile: string;
}

function key(id: string): string {
  return id.replace(/-/g, '_');
}

/** ConfigMaps named `grafana-dashboards-<id>[-<n>]`, one projected volume per provider, and the provider file. */
export function dashboardObjects(
  context: BuildContext<GrafanaConfig>,
  providers: DashboardProvider[],
): DashboardObjects {
  const configMaps: Record<DashboardConfigMapKey, IConfigMap> = {};
  const volumes: IVolume[] = [];
  const mounts: IVolumeMount[] = [];
  for (const provider of providers) {
    const parts = chunks(provider);
    const names: string[] = [];
    parts.forEach((files, index) => {
      const suffix = parts.length > 1 ? `-${index + 1}` : '';
      const name = `grafana-dashboards-${provider.id}${suffix}`;
      names.push(name);
      configMaps[`dashboards_${key(provider.id)}${suffix.replace('-', '_')}_configmap`] = configMap(
        context,
        name,
        'dashboards',
        Object.fromEntries(files),
      );
    });
    if (names.length === 0) continue;
    volumes.push({
      name: `dashboards-${provider.id}`,
      projected: { sources: names.map((name) => ({ configMap: { name } })) },
    });
    mounts.push({ name: `dashboards-${provider.id}`, mountPath: `${DASHBOARDS_DIR}/${provider.id}`, readOnly: true });
  }
  const providersFile = provisioningFile({
    apiVersion: 1,
    providers: providers
      .filter((p) => p.files.length > 0)
      .map((provider) => ({
        name: provider.id,
        orgId: 1,
        type: 'file',
        folder: provider.folder,
        folderUid: provider.id,
        // Provisioned dashboards are code: the UI may not change them, and removing them here removes them.
        allowUiUpdates: false,
        disableDeletion: false,
        updateIntervalSeconds: 30,
        options: { path: `${DASHBOARDS_DIR}/${provider.id}`, foldersFromFilesStructure: false },
      })),
  });
  return { configMaps, volumes, mounts, providersFile };
}
