import { createHash } from 'node:crypto';
import {
  selectorLabels, standardLabels,
  type BuildContext, type GossipRing, type IContainer, type IEnvVar, type IPodDisruptionBudget, type IService, type IServiceMonitor,
  type IVolume, type WorkloadObjects, type WorkloadOptions,
} from '@platform/core';
import type { LokiConfig, Resources, StatefulWorkloadConfig } from './config.js';
import { CONFIG_PATH, CREDENTIAL_ENV, DATA_PATH, RUNTIME_CONFIG_PATH } from './config-file.js';
import { GRPC_PORT, HTTP_PORT } from './endpoints.js';

/** Names of the ConfigMaps every Loki pod mounts. */
export const CONFIG_MAP = 'loki';
export const RUNTIME_CONFIG_MAP = 'loki-runtime';

/** What every Loki workload shares: the rendered config (for the rollout checksum) and the gossip ring. */
export interface LokiShared {
  ring: GossipRing;
  /** The serialised config file, hashed into a pod annotation so that a config change rolls the pods. */
  configYaml: string;
}

/** What differs between Loki workloads. */
export interface LokiWorkloadSpec {
  /** Workload, Service and container name, e.g. `write` or `query-frontend`. */
  name: string;
  /** `-target` of the process, e.g. `write`, `query-frontend`. */
  target: string;
  replicas: number;
  resources: Resources;
  /** A persistent volume at the data path; without it the data path is an emptyDir. */
  storage?: Pick<StatefulWorkloadConfig, 'storageSize' | 'storageClassName'>;
  /** Time to finish in-flight work on shutdown. */
  terminationGracePeriodSeconds?: number;
}

/** The env vars that hand object storage credentials from the environment's Secret to `-config.expand-env`. */
export function credentialEnv(secret: string | undefined): IEnvVar[] {
  if (!secret) return [];
  return [CREDENTIAL_ENV.accessKey, CREDENTIAL_ENV.secretKey].map((key) => ({
    name: key,
    valueFrom: { secretKeyRef: { name: secret, key } },
  }));
}

/** The Loki container of a workload. */
export function lokiContainer(context: BuildContext<LokiConfig>, spec: LokiWorkloadSpec, ring: GossipRing): IContainer {
  const secret = context.environment.settings.objectStorage.credentialsSecret;
  const env = credentialEnv(secret);
  return {
    name: spec.name,
    image: context.config.image,
    args: [`-config.file=${CONFIG_PATH}`, `-target=${spec.target}`, ...(secret ? ['-config.expand-env=true'] : [])],
    ports: [
      { name: 'http-metrics', containerPort: HTTP_PORT, protocol: 'TCP' },
      { name: 'grpc', containerPort: GRPC_PORT, protocol: 'TCP' },
      ring.port,
    ],
    ...(env.length > 0 ? { env } : {}),
    readinessProbe: { httpGet: { path: '/ready', port: 'http-metrics' }, initialDelaySeconds: 15, periodSeconds: 10, timeoutSeconds: 1 },
    resources: spec.resources,
    volumeMounts: [
      { name: 'config', mountPath: CONFIG_PATH.slice(0, CONFIG_PATH.lastIndexOf('/')), readOnly: true },
      { name: 'runtime-config', mountPath: RUNTIME_CONFIG_PATH.slice(0, RUNTIME_CONFIG_PATH.lastIndexOf('/')), readOnly: true },
      ...(spec.storage ? [] : [{ name: 'data', mountPath: DATA_PATH }]),
    ],
  };
}

/** Workload options of a Loki component: its container, config volumes, data volume, ring membership and checksum. */
export function lokiWorkload(context: BuildContext<LokiConfig>, spec: LokiWorkloadSpec, shared: LokiShared): WorkloadOptions {
  const volumes: IVolume[] = [
    { name: 'config', configMap: { name: CONFIG_MAP } },
    { name: 'runtime-config', configMap: { name: RUNTIME_CONFIG_MAP } },
    ...(spec.storage ? [] : [{ name: 'data', emptyDir: {} }]),
  ];
  return {
    name: spec.name,
    replicas: spec.replicas,
    containers: [lokiContainer(context, spec, shared.ring)],
    volumes,
    ...(spec.storage
      ? { volumeClaims: [{ name: 'data', size: spec.storage.storageSize, storageClassName: spec.storage.storageClassName, mountPath: DATA_PATH }] }
      : {}),
    // Every Loki process joins memberlist (rings of ingesters, compactor, schedulers ...), as Grafana's chart does.
    podLabels: shared.ring.memberLabels,
    podAnnotations: { 'checksum/config': configChecksum(shared.configYaml) },
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
    service: { ports: ['http-metrics', 'grpc'] },
  };
}

/** A short, stable hash of a config file. */
export function configChecksum(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

/**
 * A headless Service over a workload's pods, for clients that resolve every pod (`dns+` discovery). Its labels
 * leave out the workload's selector labels, so the workload's ServiceMonitor does not scrape the pods twice.
 */
export function headlessService(context: BuildContext<LokiConfig>, name: string, workload: string): IService {
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
