import { type BuildContext, configMap, type IConfigMap, stableJson } from '@platform/core';
import { bootstrapRequests, bootstrapScript, requestFile, selfInitConfig } from './bootstrap.js';
import type { OpenBaoConfig } from './config.js';
import { BOOTSTRAP_CONFIG_MAP, CONFIG_MAP, PATHS } from './layout.js';
import { selfInitializes } from './server.js';
import { serverConfig } from './server-config.js';

/** The server configuration (`openbao.json`) and the bootstrap material, as the files of two ConfigMaps. */
export interface ConfigFiles {
  config: Record<string, string>;
  bootstrap: Record<string, string>;
}

/**
 * The files the pods mount. The bootstrap ConfigMap holds every request's JSON body and the script that applies
 * them (the Shamir runbook), plus `self-init.json` when the first pod initializes the cluster itself. None of it
 * is secret: the requests configure auth methods and policies, and name no credential.
 */
export function configFiles(context: BuildContext<OpenBaoConfig>): ConfigFiles {
  const requests = bootstrapRequests(context);
  const bootstrap: Record<string, string> = { 'bootstrap.sh': bootstrapScript(requests, PATHS.bootstrap) };
  requests.forEach((request, index) => {
    bootstrap[requestFile(request, index)] = `${stableJson(request.data, 2)}\n`;
  });
  if (selfInitializes(context.config)) bootstrap['self-init.json'] = `${stableJson(selfInitConfig(requests), 2)}\n`;
  return { config: { 'openbao.json': `${stableJson(serverConfig(context), 2)}\n` }, bootstrap };
}

/** The two ConfigMaps. */
export function configMaps(
  context: BuildContext<OpenBaoConfig>,
  files: ConfigFiles,
): { config_configmap: IConfigMap; bootstrap_configmap: IConfigMap } {
  return {
    config_configmap: configMap(context, CONFIG_MAP, 'config', files.config),
    bootstrap_configmap: configMap(context, BOOTSTRAP_CONFIG_MAP, 'bootstrap', files.bootstrap),
  };
}
