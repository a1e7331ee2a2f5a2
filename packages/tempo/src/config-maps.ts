import { type BuildContext, configMap, type IConfigMap } from '@platform/core';
import type { TempoConfig } from './config.js';
import { CONFIG_MAP, OVERRIDES_CONFIG_MAP } from './pod.js';

/** The ConfigMap holding Tempo's config file, shared by every target. */
export function configConfigMap(context: BuildContext<TempoConfig>, configYaml: string): IConfigMap {
  return configMap(context, CONFIG_MAP, 'config', { 'tempo.yaml': configYaml });
}

/** The ConfigMap holding per-tenant overrides, which Tempo reloads at runtime. */
export function overridesConfigMap(context: BuildContext<TempoConfig>, overridesYaml: string): IConfigMap {
  return configMap(context, OVERRIDES_CONFIG_MAP, 'overrides', { 'overrides.yaml': overridesYaml });
}
