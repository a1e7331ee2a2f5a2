import { type BuildContext, configMap, type IConfigMap } from '@platform/core';
import type { LokiConfig } from './config.js';
import { CONFIG_MAP, RUNTIME_CONFIG_MAP } from './pod.js';

/** The ConfigMap holding Loki's config file, shared by every target. */
export function configConfigMap(context: BuildContext<LokiConfig>, configYaml: string): IConfigMap {
  return configMap(context, CONFIG_MAP, 'config', { 'config.yaml': configYaml });
}

/** The ConfigMap holding the runtime configuration (per-tenant overrides), which Loki reloads without restarts. */
export function runtimeConfigMap(context: BuildContext<LokiConfig>, runtimeYaml: string): IConfigMap {
  return configMap(context, RUNTIME_CONFIG_MAP, 'runtime-config', { 'runtime.yaml': runtimeYaml });
}
