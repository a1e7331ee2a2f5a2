import { type BuildContext, configMap, type IConfigMap, serialize } from '@platform/core';
import type { MimirConfig } from './config.js';
import { RUNTIME_CONFIGMAP, RUNTIME_FILE_KEY } from './layout.js';

/**
 * The runtime configuration ConfigMap (Jsonnet's `overrides` ConfigMap): per-tenant limit overrides that
 * every component reloads every 10 seconds, so changing a tenant's limits needs no restart.
 */
export function runtimeConfigMap(context: BuildContext<MimirConfig>): IConfigMap {
  return configMap(context, RUNTIME_CONFIGMAP, 'runtime-config', {
    [RUNTIME_FILE_KEY]: serialize({ overrides: context.config.overrides }),
  });
}
