import type { IConfigMap, IDeployment, KubeObject } from '@platform/core';
import type { Datasource } from './datasources.js';
import { readProvisioningFile } from './provisioning-file.js';

/** The datasources Grafana provisions, read back from the rendered ConfigMap. */
export function datasourcesOf(objects: Record<string, KubeObject>): Datasource[] {
  const file = (objects.datasources_configmap as IConfigMap).data!['datasources.yaml']!;
  return readProvisioningFile<{ datasources: Datasource[] }>(file).datasources;
}

/** The rendered `grafana.ini`. */
export function iniOf(objects: Record<string, KubeObject>): string {
  return (objects.config_configmap as IConfigMap).data!['grafana.ini']!;
}

/** The pod spec of the Grafana Deployment. */
export function podOf(objects: Record<string, KubeObject>) {
  return (objects.grafana_deployment as IDeployment).spec!.template.spec!;
}
