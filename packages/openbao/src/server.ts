import {
  type BuildContext,
  configChecksum,
  type IContainer,
  type IEnvVar,
  type IProbe,
  type IStatefulSet,
  type IVolume,
  type IVolumeMount,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
  serviceHost,
  statefulSet,
  type VolumeClaim,
} from '@platform/core';
import type { OpenBaoConfig } from './config.js';
import {
  API_PORT,
  BOOTSTRAP_CONFIG_MAP,
  CA_FILE,
  CLUSTER_PORT,
  CONFIG_FILE,
  CONFIG_MAP,
  INTERNAL_SERVICE,
  PATHS,
  podHost,
  SELF_INIT_FILE,
  SERVER,
  SERVER_SERVICE_ACCOUNT,
  TLS_SECRET,
} from './layout.js';
import { isAutoUnseal, sealParts } from './seal.js';

/** User and group of the `openbao` user of the upstream image (openbao-helm 0.29.2 `values.yaml`: uid 100, gid 1000). */
const RUN_AS_USER = 100;
const RUN_AS_GROUP = 1000;

/** The server pods start once their certificate is issued (stage 0 holds the Certificate). */
const SERVER_STAGE = 1;

/** Whether the first pod brings a self-initialization file. */
export function selfInitializes(config: OpenBaoConfig): boolean {
  return config.selfInit && isAutoUnseal(config.unseal);
}

/**
 * How a server pod starts. `bao server` directly (not the image's entrypoint, which chowns directories a read-only
 * root file system refuses). With self-initialization only pod 0 brings the `initialize` file, and only when no
 * peer answers as initialized: every pod self-initializing would make one single-node cluster each, and pod 0
 * coming back on an empty volume must join the existing cluster rather than start a new one.
 */
function startScript(context: BuildContext<OpenBaoConfig>): string {
  const { config } = context;
  const base = `-config=${CONFIG_FILE}`;
  if (!selfInitializes(config)) return `exec bao server ${base}\n`;
  const peers = Array.from({ length: config.replicas - 1 }, (_, i) => podHost(context, i + 1));
  return [
    'set -eu',
    `args="${base}"`,
    `if [ "$BAO_K8S_POD_NAME" = "${SERVER}-0" ]; then`,
    ...(peers.length > 0
      ? [
          `  for peer in ${peers.join(' ')}; do`,
          `    if BAO_CLIENT_TIMEOUT=5s bao status -address="https://$peer:${API_PORT}" -format=json 2>/dev/null | grep -q '"initialized": *true'; then`,
          '      echo "$peer is initialized: joining the cluster instead of self-initializing"',
          '      exec bao server $args',
          '    fi',
          '  done',
        ]
      : []),
    `  args="$args -config=${SELF_INIT_FILE}"`,
    'fi',
    'exec bao server $args',
    '',
  ].join('\n');
}

/**
 * Sends SIGHUP to the server whenever cert-manager has rotated the certificate: OpenBao reloads its listener
 * certificate (and the declarative audit devices) on SIGHUP only (`listener/tcp.mdx` `tls_cert_file`).
 */
const RELOADER_SCRIPT = [
  'set -u',
  `last=$(sha256sum ${PATHS.tls}/tls.crt | cut -d' ' -f1)`,
  'while sleep 60; do',
  `  now=$(sha256sum ${PATHS.tls}/tls.crt | cut -d' ' -f1)`,
  '  if [ "$now" != "$last" ]; then pkill -HUP -x bao && last=$now; fi',
  'done',
  '',
].join('\n');

function health(query: string): IProbe['httpGet'] {
  return { path: `/v1/sys/health?${query}`, port: 'https', scheme: 'HTTPS' };
}

function serverEnv(context: BuildContext<OpenBaoConfig>): IEnvVar[] {
  const internal = serviceHost(INTERNAL_SERVICE, context.namespace, context.environment.settings);
  const self = `$(BAO_K8S_POD_NAME).${internal}`;
  return [
    { name: 'BAO_K8S_POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'BAO_K8S_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
    { name: 'BAO_RAFT_NODE_ID', value: '$(BAO_K8S_POD_NAME)' },
    { name: 'BAO_API_ADDR', value: `https://${self}:${API_PORT}` },
    { name: 'BAO_CLUSTER_ADDR', value: `https://${self}:${CLUSTER_PORT}` },
    // For the CLI inside the pod (runbooks): the local listener, verified against the issuing CA.
    { name: 'BAO_ADDR', value: `https://127.0.0.1:${API_PORT}` },
    { name: 'BAO_CACERT', value: CA_FILE },
    { name: 'HOME', value: '/tmp' },
    ...sealParts(context.config.unseal).env,
  ];
}

function volumes(config: OpenBaoConfig): { volumes: IVolume[]; mounts: IVolumeMount[] } {
  const seal = sealParts(config.unseal);
  return {
    volumes: [
      { name: 'config', configMap: { name: CONFIG_MAP } },
      { name: 'bootstrap', configMap: { name: BOOTSTRAP_CONFIG_MAP } },
      { name: 'tls', secret: { secretName: TLS_SECRET } },
      ...seal.volumes,
    ],
    mounts: [
      { name: 'config', mountPath: PATHS.config, readOnly: true },
      { name: 'bootstrap', mountPath: PATHS.bootstrap, readOnly: true },
      { name: 'tls', mountPath: PATHS.tls, readOnly: true },
      ...seal.volumeMounts,
    ],
  };
}

/** The server StatefulSet with its headless Service and PodDisruptionBudget. */
export function server(
  context: BuildContext<OpenBaoConfig>,
  configFiles: Record<string, string>,
): NamedWorkloadObjects<'server', 'statefulset', IStatefulSet> {
  const { config } = context;
  const { volumes: podVolumes, mounts } = volumes(config);
  const claims: VolumeClaim[] = [
    {
      name: 'data',
      size: config.storage.size,
      storageClassName: config.storage.storageClassName,
      mountPath: PATHS.data,
    },
    ...(config.audit.target === 'file'
      ? [
          {
            name: 'audit',
            size: config.audit.storage.size,
            storageClassName: config.audit.storage.storageClassName,
            mountPath: PATHS.audit,
          },
        ]
      : []),
  ];
  const openbao: IContainer = {
    name: 'openbao',
    image: config.image,
    command: ['/bin/sh', '-ec', startScript(context)],
    env: serverEnv(context),
    ...(sealParts(config.unseal).envFromSecrets.length > 0
      ? { envFrom: sealParts(config.unseal).envFromSecrets.map((name) => ({ secretRef: { name } })) }
      : {}),
    ports: [
      { name: 'https', containerPort: API_PORT },
      { name: 'https-internal', containerPort: CLUSTER_PORT },
    ],
    // Ready when unsealed, as the active node or a standby (which forwards requests).
    readinessProbe: { httpGet: health('standbyok=true'), periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
    // Alive whenever it answers: a sealed or uninitialized server waits for an operator and must not restart.
    livenessProbe: {
      httpGet: health('standbyok=true&sealedcode=204&uninitcode=204'),
      initialDelaySeconds: 60,
      periodSeconds: 10,
      timeoutSeconds: 3,
      failureThreshold: 6,
    },
    resources: config.resources,
    volumeMounts: mounts,
  };
  const reloader: IContainer = {
    name: 'tls-reloader',
    image: config.image,
    command: ['/bin/sh', '-c', RELOADER_SCRIPT],
    readinessProbe: { exec: { command: ['test', '-s', `${PATHS.tls}/tls.crt`] }, periodSeconds: 30 },
    livenessProbe: { exec: { command: ['test', '-s', `${PATHS.tls}/tls.crt`] }, periodSeconds: 60 },
    resources: { requests: { cpu: '5m', memory: '8Mi' }, limits: { memory: '32Mi' } },
    volumeMounts: [{ name: 'tls', mountPath: PATHS.tls, readOnly: true }],
  };
  const objects = statefulSet(context, {
    name: SERVER,
    replicas: config.replicas,
    containers: [openbao, reloader],
    volumes: podVolumes,
    volumeClaims: claims,
    stage: SERVER_STAGE,
    serviceAccountName: SERVER_SERVICE_ACCOUNT,
    automountServiceAccountToken: true,
    antiAffinity: config.antiAffinity,
    runAs: RUN_AS_USER,
    podSecurityContext: { runAsGroup: RUN_AS_GROUP, fsGroup: RUN_AS_GROUP },
    podAnnotations: { 'checksum/config': configChecksum(...Object.values(configFiles)) },
    // Raft peers resolve each other before they are ready (they only get ready once joined and unsealed).
    service: { name: INTERNAL_SERVICE, headless: true, publishNotReadyAddresses: true },
    serviceMonitor: false,
  });
  const pod = objects.workload.spec!.template.spec!;
  // The reloader signals the server's process, so the two share a process namespace.
  pod.shareProcessNamespace = true;
  // The claims are the server's; the reloader reads the certificate only.
  for (const container of pod.containers)
    if (container.name === reloader.name)
      container.volumeMounts = container.volumeMounts!.filter((m) => m.name === 'tls' || m.name === 'tmp');
  return namedWorkloadObjects('server', 'statefulset', objects);
}
