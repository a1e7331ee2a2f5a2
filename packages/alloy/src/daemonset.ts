import {
  type BuildContext,
  configChecksum,
  configMap,
  daemonSet,
  discoveryService,
  hungProcessProbe,
  type IConfigMap,
  type IContainer,
  type IDaemonSet,
  type IService,
  type IVolume,
  type IVolumeMount,
  serviceHost,
  type WorkloadObjects,
  waiverAnnotations,
} from '@platform/core';
import type { GeneratedAlloyConfig } from './alloy-config.js';
import { ALLOY_WORKLOAD, type AlloyConfig, PORTS } from './config.js';
import { NODE_NAME_ENV } from './discovery.js';
import { POD_LOGS_DIR } from './logs.js';
import { secretVolumes } from './secrets.js';

const CONFIG_DIR = '/etc/alloy';
const CONFIG_FILE = 'config.alloy';
/** Positions of tailed files and the remote-write WALs: kept on the node so a restart neither re-sends nor loses data. */
const STORAGE_DIR = '/var/lib/alloy';

/** The objects of the Alloy workload. */
export interface AlloyWorkload {
  configMap: IConfigMap;
  /** The DaemonSet with its Service and ServiceMonitor. */
  objects: WorkloadObjects<IDaemonSet>;
  clusterService?: IService;
}

function hostPath(
  name: string,
  path: string,
  type: 'Directory' | 'DirectoryOrCreate' | 'File',
  mountPath = path,
  readOnly = true,
): { volume: IVolume; mount: IVolumeMount } {
  return { volume: { name, hostPath: { path, type } }, mount: { name, mountPath, ...(readOnly ? { readOnly } : {}) } };
}

function nodeVolumes(
  context: BuildContext<AlloyConfig>,
  generated: GeneratedAlloyConfig,
): Array<{ volume: IVolume; mount: IVolumeMount }> {
  return [
    hostPath('storage', `${STORAGE_DIR}/${context.namespace}-${context.name}`, 'DirectoryOrCreate', STORAGE_DIR, false),
    ...(generated.podLogs ? [hostPath('pod-logs', POD_LOGS_DIR, 'Directory')] : []),
    ...(generated.journal
      ? [
          hostPath('journal-persistent', '/var/log/journal', 'DirectoryOrCreate'),
          hostPath('journal-volatile', '/run/log/journal', 'DirectoryOrCreate'),
          hostPath('machine-id', '/etc/machine-id', 'File'),
        ]
      : []),
  ];
}

/**
 * Why the pods break the restricted profile. Reading other pods' log files and the journal needs the
 * node's file system (hostPath) and root (the files are `0640 root`); the container keeps a read-only root
 * file system, no privilege escalation and no capabilities.
 */
const WAIVERS = {
  'pod-security.host-path':
    'node agent: reads /var/log/pods and the systemd journal, keeps file positions and WALs in /var/lib/alloy on the node',
  'pod-security.run-as-non-root':
    'node agent: container log files and the journal are readable by root only (0640 root)',
};

/** The DaemonSet, its configuration, the OTLP/metrics Service and, for clustering, the headless peer Service. */
export function alloyWorkload(context: BuildContext<AlloyConfig>, generated: GeneratedAlloyConfig): AlloyWorkload {
  const { config } = context;
  const configFile = configMap(context, 'alloy-config', 'alloy', { [CONFIG_FILE]: generated.text });

  const clusterServiceName = 'alloy-cluster';
  const args = [
    'run',
    `${CONFIG_DIR}/${CONFIG_FILE}`,
    `--storage.path=${STORAGE_DIR}/data`,
    `--server.http.listen-addr=0.0.0.0:${PORTS.http}`,
    '--server.http.ui-path-prefix=/',
    '--stability.level=generally-available',
    '--disable-reporting',
    ...(generated.clustering
      ? [
          '--cluster.enabled=true',
          `--cluster.name=${context.name}`,
          `--cluster.join-addresses=${serviceHost(clusterServiceName, context.namespace, context.environment.settings)}`,
        ]
      : []),
  ];
  const volumes = nodeVolumes(context, generated);
  const secrets = secretVolumes([...config.extraMetricsTargets, ...config.extraLogsTargets]);
  const container: IContainer = {
    name: 'alloy',
    image: config.image,
    args,
    env: [{ name: NODE_NAME_ENV, valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
    ports: [
      { name: 'http-metrics', containerPort: PORTS.http, protocol: 'TCP' },
      ...(generated.otlp
        ? [
            { name: 'otlp-grpc', containerPort: PORTS.otlpGrpc, protocol: 'TCP' as const },
            { name: 'otlp-http', containerPort: PORTS.otlpHttp, protocol: 'TCP' as const },
          ]
        : []),
    ],
    readinessProbe: { httpGet: { path: '/-/ready', port: 'http-metrics' }, initialDelaySeconds: 10, timeoutSeconds: 1 },
    // Alloy's chart sets no liveness probe. `/-/healthy` reports component health, which Alloy's docs call unfit
    // for liveness (a restart fixes neither a bad endpoint nor a config error, and stops the healthy pipelines);
    // `/-/ready` is false until the initial load, which replays the remote-write WALs kept on the node. The HTTP
    // server listens before that load starts, so a TCP probe restarts only an agent that stopped serving.
    livenessProbe: hungProcessProbe('http-metrics'),
    resources: config.resources,
    securityContext: { runAsNonRoot: false },
    volumeMounts: [
      { name: 'config', mountPath: CONFIG_DIR, readOnly: true },
      ...volumes.map((v) => v.mount),
      ...secrets.mounts,
    ],
  };

  const waivers = waiverAnnotations(WAIVERS);
  const objects = daemonSet(context, {
    name: ALLOY_WORKLOAD,
    containers: [container],
    volumes: [
      { name: 'config', configMap: { name: configFile.metadata!.name! } },
      ...volumes.map((v) => v.volume),
      ...secrets.volumes,
    ],
    serviceAccountName: 'alloy',
    automountServiceAccountToken: true,
    runAs: 0,
    podSecurityContext: { runAsNonRoot: false },
    annotations: waivers,
    podAnnotations: { 'checksum/config': configChecksum(generated.text), ...waivers },
    tolerations: config.tolerations,
    nodeSelector: Object.keys(config.nodeSelector).length > 0 ? config.nodeSelector : undefined,
    priorityClassName: config.priorityClassName,
  });

  // Not named http-metrics: this Service exists for peers to find each other, not for scraping.
  const clusterService = generated.clustering
    ? discoveryService(context, clusterServiceName, 'alloy', [
        { name: 'http', port: PORTS.http, targetPort: PORTS.http, protocol: 'TCP' },
      ])
    : undefined;

  return {
    configMap: configFile,
    objects,
    ...(clusterService ? { clusterService } : {}),
  };
}
