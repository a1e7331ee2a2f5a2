import {
  type BuildContext,
  configChecksum,
  type IContainer,
  type IEnvVar,
  type IVolume,
  namedWorkloadObjects,
  statefulSet,
} from '@platform/core';
import type { ValkeyConfig } from './config.js';
import {
  BUS_PORT,
  EXPORTER_PORT,
  EXPORTER_UID,
  names,
  PASSWORD_KEY,
  PATHS,
  SENTINEL_PORT,
  VALKEY_PORT,
  VALKEY_UID,
} from './layout.js';

/** The password as an environment variable, for the start scripts (which write it to the run directory) and valkey-cli. */
function passwordEnv(config: ValkeyConfig, component: string, ...variables: string[]): IEnvVar[] {
  if (!config.auth.enabled) return [];
  return variables.map((name) => ({
    name,
    valueFrom: { secretKeyRef: { name: names(component).auth, key: PASSWORD_KEY } },
  }));
}

const POD_NAME: IEnvVar = { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } };

/** A readiness check through valkey-cli (with TLS and the password from the environment). */
function ping(config: ValkeyConfig, port: number) {
  const tls = config.tls.enabled ? ` --tls --cacert ${PATHS.tls}/ca.crt` : '';
  return { exec: { command: ['sh', '-c', `valkey-cli${tls} -h localhost -p ${port} ping | grep -q PONG`] } };
}

function valkeyContainer(context: BuildContext<ValkeyConfig>): IContainer {
  const { config, name } = context;
  return {
    name: 'valkey',
    image: config.images.valkey,
    command: ['sh', `${PATHS.config}/start-valkey.sh`],
    ports: [
      { name: 'valkey', containerPort: VALKEY_PORT, protocol: 'TCP' },
      ...(config.mode === 'cluster' ? [{ name: 'bus', containerPort: BUS_PORT, protocol: 'TCP' as const }] : []),
    ],
    env: [POD_NAME, ...passwordEnv(config, name, 'VALKEY_PASSWORD', 'REDISCLI_AUTH')],
    readinessProbe: { ...ping(config, VALKEY_PORT), periodSeconds: 10, timeoutSeconds: 5 },
    livenessProbe: { tcpSocket: { port: 'valkey' }, initialDelaySeconds: 30, periodSeconds: 15, failureThreshold: 4 },
    resources: config.resources,
    volumeMounts: mounts(config),
  };
}

function sentinelContainer(context: BuildContext<ValkeyConfig>): IContainer {
  const { config, name } = context;
  return {
    name: 'sentinel',
    image: config.images.valkey,
    command: ['sh', `${PATHS.config}/start-sentinel.sh`],
    ports: [{ name: 'sentinel', containerPort: SENTINEL_PORT, protocol: 'TCP' }],
    env: [POD_NAME, ...passwordEnv(config, name, 'VALKEY_PASSWORD', 'REDISCLI_AUTH')],
    readinessProbe: { ...ping(config, SENTINEL_PORT), periodSeconds: 10, timeoutSeconds: 5 },
    livenessProbe: { tcpSocket: { port: 'sentinel' }, initialDelaySeconds: 30, periodSeconds: 15, failureThreshold: 4 },
    resources: config.sentinelResources,
    volumeMounts: mounts(config),
  };
}

/**
 * The exporter sidecar (redis_exporter, which supports Valkey) on the local instance: `REDIS_ADDR`, the password
 * as `REDIS_PASSWORD`, the CA as `REDIS_EXPORTER_TLS_CA_CERT_FILE` (flags of main.go at v1.88.0). It runs as the
 * image's own user.
 */
function exporterContainer(context: BuildContext<ValkeyConfig>): IContainer {
  const { config, name } = context;
  return {
    name: 'exporter',
    image: config.images.exporter,
    ports: [{ name: 'http-metrics', containerPort: EXPORTER_PORT, protocol: 'TCP' }],
    env: [
      { name: 'REDIS_ADDR', value: `${config.tls.enabled ? 'rediss' : 'redis'}://localhost:${VALKEY_PORT}` },
      ...passwordEnv(config, name, 'REDIS_PASSWORD'),
      ...(config.tls.enabled ? [{ name: 'REDIS_EXPORTER_TLS_CA_CERT_FILE', value: `${PATHS.tls}/ca.crt` }] : []),
    ],
    readinessProbe: { httpGet: { path: '/health', port: 'http-metrics' } },
    livenessProbe: { httpGet: { path: '/health', port: 'http-metrics' }, periodSeconds: 30 },
    resources: config.exporterResources,
    securityContext: { runAsUser: EXPORTER_UID, runAsGroup: EXPORTER_UID },
    volumeMounts: config.tls.enabled ? [{ name: 'tls', mountPath: PATHS.tls, readOnly: true }] : [],
  };
}

function mounts(config: ValkeyConfig) {
  return [
    { name: 'config', mountPath: PATHS.config, readOnly: true },
    { name: 'run', mountPath: PATHS.run },
    ...(config.tls.enabled ? [{ name: 'tls', mountPath: PATHS.tls, readOnly: true }] : []),
  ];
}

/**
 * The Valkey StatefulSet: every pod runs Valkey (and in sentinel mode a Sentinel beside it) on its own claim,
 * with the exporter sidecar; restricted, as the image's `valkey` user; spread over nodes and zones, a PDB
 * keeping all but one up, and a headless Service that gives each pod a DNS name before it is ready, which
 * replication, Sentinel and the cluster bus address each other by. `checksum` rolls the pods when the rendered
 * configuration changes.
 */
export function valkeyStatefulSet(context: BuildContext<ValkeyConfig>, checksum: string) {
  const { config, name } = context;
  const n = names(name);
  const volumes: IVolume[] = [
    { name: 'config', configMap: { name: n.config } },
    { name: 'run', emptyDir: { medium: 'Memory', sizeLimit: '1Mi' } },
    ...(config.tls.enabled ? [{ name: 'tls', secret: { secretName: n.tls } }] : []),
  ];
  return namedWorkloadObjects(
    'valkey',
    'statefulset',
    statefulSet(context, {
      name: n.workload,
      replicas: config.replicas,
      containers: [
        valkeyContainer(context),
        ...(config.mode === 'sentinel' ? [sentinelContainer(context)] : []),
        exporterContainer(context),
      ],
      volumes,
      volumeClaims: [
        {
          name: 'data',
          size: config.persistence.size,
          storageClassName: config.persistence.storageClassName,
          mountPath: PATHS.data,
        },
      ],
      runAs: VALKEY_UID,
      // After the password's ExternalSecret and the certificate (stage 0), which the pods mount.
      stage: 1,
      antiAffinity: config.antiAffinity,
      terminationGracePeriodSeconds: 30,
      podAnnotations: { 'checksum/config': configChecksum(checksum) },
      service: { name: n.headless, headless: true, publishNotReadyAddresses: true },
      pdb: { maxUnavailable: 1 },
      serviceMonitor: { port: 'http-metrics' },
    }),
  );
}
