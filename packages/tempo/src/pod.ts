import { createHash } from 'node:crypto';
import {
  selectorLabels, standardLabels,
  type BuildContext, type GossipRing, type IContainer, type IContainerPort, type IEnvVar, type IPodDisruptionBudget, type IService,
  type IServiceMonitor, type IVolume, type WorkloadObjects, type WorkloadOptions,
} from '@platform/core';
import type { Resources, TempoConfig } from './config.js';
import { CONFIG_PATH, CREDENTIAL_ENV, DATA_PATH, KAFKA_ENV, OVERRIDES_PATH } from './config-file.js';
import { GRPC_PORT, HTTP_PORT, OTLP_GRPC_PORT, OTLP_HTTP_PORT } from './endpoints.js';

/** Names of the ConfigMaps every Tempo pod mounts. */
export const CONFIG_MAP = 'tempo';
export const OVERRIDES_CONFIG_MAP = 'tempo-overrides';

/** What every Tempo workload shares. */
export interface TempoShared {
  /** The memberlist ring; microservices only. */
  ring?: GossipRing;
  /** The serialised config file, hashed into a pod annotation so that a config change rolls the pods. */
  configYaml: string;
}

/** What differs between Tempo workloads. */
export interface TempoWorkloadSpec {
  /** Workload, Service and container name, e.g. `distributor`, `live-store-zone-a`. */
  name: string;
  /** `-target` of the process. */
  target: string;
  replicas: number;
  resources: Resources;
  /** Extra flags after `-config.file` and `-target`. */
  extraArgs?: string[];
  /** Expose the OTLP receivers (distributors, monolithic). */
  otlp?: boolean;
  /** A persistent volume at the data path; without it the data path is an emptyDir (optionally size-limited). */
  storage?: { storageSize: string; storageClassName?: string };
  /** Size limit of the data emptyDir, when there is no persistent volume. */
  scratchSize?: string;
  terminationGracePeriodSeconds?: number;
  podLabels?: Record<string, string>;
}

/** The env vars that hand Secret values to `-config.expand-env`: object storage and Kafka SASL credentials. */
export function secretEnv(context: BuildContext<TempoConfig>): IEnvVar[] {
  const storageSecret = context.environment.settings.objectStorage.credentialsSecret;
  const kafkaSecret = context.config.mode === 'microservices' ? context.config.kafka.saslSecret : undefined;
  const fromSecret = (name: string, secret: string, key: string): IEnvVar => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });
  return [
    ...(storageSecret ? [fromSecret(CREDENTIAL_ENV.accessKey, storageSecret, CREDENTIAL_ENV.accessKey), fromSecret(CREDENTIAL_ENV.secretKey, storageSecret, CREDENTIAL_ENV.secretKey)] : []),
    ...(kafkaSecret ? [fromSecret(KAFKA_ENV.username, kafkaSecret, 'username'), fromSecret(KAFKA_ENV.password, kafkaSecret, 'password')] : []),
  ];
}

/** The Tempo container of a workload. */
export function tempoContainer(context: BuildContext<TempoConfig>, spec: TempoWorkloadSpec, ring: GossipRing | undefined): IContainer {
  const env = secretEnv(context);
  const ports: IContainerPort[] = [
    { name: 'http-metrics', containerPort: HTTP_PORT, protocol: 'TCP' },
    { name: 'grpc', containerPort: GRPC_PORT, protocol: 'TCP' },
    ...(ring ? [ring.port] : []),
    ...(spec.otlp
      ? [{ name: 'otlp-grpc', containerPort: OTLP_GRPC_PORT, protocol: 'TCP' as const }, { name: 'otlp-http', containerPort: OTLP_HTTP_PORT, protocol: 'TCP' as const }]
      : []),
  ];
  return {
    name: spec.name,
    image: context.config.image,
    args: [`-config.file=${CONFIG_PATH}`, `-target=${spec.target}`, ...(spec.extraArgs ?? []), ...(env.length > 0 ? ['-config.expand-env=true'] : [])],
    ports,
    ...(env.length > 0 ? { env } : {}),
    readinessProbe: { httpGet: { path: '/ready', port: 'http-metrics' }, initialDelaySeconds: 15, periodSeconds: 10, timeoutSeconds: 1 },
    resources: spec.resources,
    volumeMounts: [
      { name: 'config', mountPath: CONFIG_PATH.slice(0, CONFIG_PATH.lastIndexOf('/')), readOnly: true },
      { name: 'overrides', mountPath: OVERRIDES_PATH.slice(0, OVERRIDES_PATH.lastIndexOf('/')), readOnly: true },
      ...(spec.storage ? [] : [{ name: 'data', mountPath: DATA_PATH }]),
    ],
  };
}

/** Workload options of a Tempo component: its container, config volumes, data volume, ring membership and checksum. */
export function tempoWorkload(context: BuildContext<TempoConfig>, spec: TempoWorkloadSpec, shared: TempoShared): WorkloadOptions {
  const volumes: IVolume[] = [
    { name: 'config', configMap: { name: CONFIG_MAP } },
    { name: 'overrides', configMap: { name: OVERRIDES_CONFIG_MAP } },
    ...(spec.storage ? [] : [{ name: 'data', emptyDir: spec.scratchSize ? { sizeLimit: spec.scratchSize } : {} }]),
  ];
  return {
    name: spec.name,
    replicas: spec.replicas,
    containers: [tempoContainer(context, spec, shared.ring)],
    volumes,
    ...(spec.storage
      ? { volumeClaims: [{ name: 'data', size: spec.storage.storageSize, storageClassName: spec.storage.storageClassName, mountPath: DATA_PATH }] }
      : {}),
    // Every Tempo process of the microservices joins memberlist (partition ring, live-store ring ...).
    podLabels: { ...shared.ring?.memberLabels, ...spec.podLabels },
    podAnnotations: { 'checksum/config': configChecksum(shared.configYaml) },
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
    service: { ports: ['http-metrics', 'grpc', ...(spec.otlp ? ['otlp-grpc', 'otlp-http'] : [])] },
  };
}

/** A short, stable hash of a config file. */
export function configChecksum(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

/**
 * A headless Service over a workload's pods that publishes starting pods, for clients that connect to every pod.
 * Its labels leave out the workload's selector labels, so the workload's ServiceMonitor does not scrape twice.
 */
export function discoveryService(context: BuildContext<TempoConfig>, name: string, workload: string): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: context.namespace, labels: standardLabels(context.name, name) },
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: selectorLabels(context.name, workload),
      ports: [
        { name: 'http-metrics', port: HTTP_PORT, targetPort: 'http-metrics', protocol: 'TCP' },
        { name: 'grpc', port: GRPC_PORT, targetPort: 'grpc', protocol: 'TCP' },
      ],
    },
  };
}

/** A workload's companion objects under Jsonnet-style names: `<part>_service`, `<part>_pdb`, `<part>_servicemonitor`. */
export type CompanionEntries<P extends string> =
  & { [K in `${P}_service`]?: IService }
  & { [K in `${P}_pdb`]?: IPodDisruptionBudget }
  & { [K in `${P}_servicemonitor`]?: IServiceMonitor };

/** The named objects of one workload: `<part>_<kind>` plus its companions, leaving out those not rendered. */
export function workloadEntries<P extends string, K extends string, W>(part: P, kind: K, objects: WorkloadObjects<W>): { [X in `${P}_${K}`]: W } & CompanionEntries<P> {
  return {
    [`${part}_${kind}`]: objects.workload,
    ...(objects.service ? { [`${part}_service`]: objects.service } : {}),
    ...(objects.pdb ? { [`${part}_pdb`]: objects.pdb } : {}),
    ...(objects.serviceMonitor ? { [`${part}_servicemonitor`]: objects.serviceMonitor } : {}),
  } as { [X in `${P}_${K}`]: W } & CompanionEntries<P>;
}
