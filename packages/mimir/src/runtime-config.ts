import { serialize, standardLabels, type BuildContext, type IConfigMap } from '@platform/core';
import type { MimirConfig } from './config.js';
import { RUNTIME_CONFIGMAP, RUNTIME_FILE_KEY } from './layout.js';

/**
 * The runtime configuration ConfigMap (Jsonnet's `overrides` ConfigMap): per-tenant limit overrides that
 * every component reloads every 10 seconds, so changing a tenant's limits needs no restart.
 */
export function runtimeConfigMap(context: BuildContext<MimirConfig>): IConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: RUNTIME_CONFIGMAP, namespace: context.namespace, labels: standardLabels(context.name, 'runtime-config') },
    data: { [RUNTIME_FILE_KEY]: serialize({ overrides: context.config.overrides }) },
  };
}
