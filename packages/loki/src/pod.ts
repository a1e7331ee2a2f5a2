import { type BuildContext, s3CredentialsEnv } from '@platform/core';
import type { GossipRing, GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { CONFIG_PATH, DATA_PATH, RUNTIME_CONFIG_PATH } from './config-file.js';
import { GRPC_PORT, HTTP_PORT } from './endpoints.js';

/** Names of the ConfigMaps every Loki pod mounts. */
export const CONFIG_MAP = 'loki';
export const RUNTIME_CONFIG_MAP = 'loki-runtime';

/**
 * What every Loki workload shares: the image, ports, config files and data path, the gossip ring (every Loki
 * process joins memberlist, as Grafana's chart has it), the rendered config for the rollout checksum, and the
 * object storage credentials the config file refers to.
 */
export function lokiDatabase(context: BuildContext<LokiConfig>, ring: GossipRing, configYaml: string): GrafanaDatabase {
  return {
    image: context.config.image,
    httpPort: HTTP_PORT,
    grpcPort: GRPC_PORT,
    configFile: { volume: 'config', configMap: CONFIG_MAP, path: CONFIG_PATH },
    runtimeFile: { volume: 'runtime-config', configMap: RUNTIME_CONFIG_MAP, path: RUNTIME_CONFIG_PATH },
    dataPath: DATA_PATH,
    ring,
    configYaml,
    env: s3CredentialsEnv(context.environment.settings.objectStorage),
  };
}
