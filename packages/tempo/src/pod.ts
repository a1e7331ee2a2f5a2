import { type BuildContext, type IContainerPort, type IEnvVar, s3CredentialsEnv } from '@platform/core';
import type { GossipRing, GrafanaDatabase } from '@platform/grafana-databases';
import type { TempoConfig } from './config.js';
import { CONFIG_PATH, DATA_PATH, KAFKA_ENV, OVERRIDES_PATH } from './config-file.js';
import { GRPC_PORT, HTTP_PORT, OTLP_GRPC_PORT, OTLP_HTTP_PORT } from './endpoints.js';

/** Names of the ConfigMaps every Tempo pod mounts. */
export const CONFIG_MAP = 'tempo';
export const OVERRIDES_CONFIG_MAP = 'tempo-overrides';

/** The OTLP receivers of the processes that take spans in (distributors, the monolithic pod). */
export const OTLP_PORTS: IContainerPort[] = [
  { name: 'otlp-grpc', containerPort: OTLP_GRPC_PORT, protocol: 'TCP' },
  { name: 'otlp-http', containerPort: OTLP_HTTP_PORT, protocol: 'TCP' },
];

/** The env vars that hand Secret values to `-config.expand-env`: object storage and Kafka SASL credentials. */
function secretEnv(context: BuildContext<TempoConfig>): IEnvVar[] {
  const kafkaSecret = context.config.mode === 'microservices' ? context.config.kafka.saslSecret : undefined;
  const fromKafkaSecret = (name: string, key: string): IEnvVar => ({
    name,
    valueFrom: { secretKeyRef: { name: kafkaSecret!, key } },
  });
  return [
    ...s3CredentialsEnv(context.environment.settings.objectStorage),
    ...(kafkaSecret
      ? [fromKafkaSecret(KAFKA_ENV.username, 'username'), fromKafkaSecret(KAFKA_ENV.password, 'password')]
      : []),
  ];
}

/**
 * What every Tempo workload shares: the image, ports, config files and data path, the gossip ring (microservices
 * only: the monolithic pod is its own ring), the rendered config for the rollout checksum, and the credentials
 * the config file refers to.
 */
export function tempoDatabase(
  context: BuildContext<TempoConfig>,
  ring: GossipRing | undefined,
  configYaml: string,
): GrafanaDatabase {
  return {
    image: context.config.image,
    httpPort: HTTP_PORT,
    grpcPort: GRPC_PORT,
    configFile: { volume: 'config', configMap: CONFIG_MAP, path: CONFIG_PATH },
    runtimeFile: { volume: 'overrides', configMap: OVERRIDES_CONFIG_MAP, path: OVERRIDES_PATH },
    dataPath: DATA_PATH,
    ...(ring ? { ring } : {}),
    configYaml,
    env: secretEnv(context),
  };
}
