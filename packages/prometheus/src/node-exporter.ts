import {
  type BuildContext,
  daemonSet,
  defineComponent,
  type IPodSpec,
  type IServiceMonitor,
  namedWorkloadObjects,
  type ResourceRequirements,
  selectorLabels,
  standardLabels,
  waiverAnnotations,
} from '@platform/core';
import { NOBODY, NODE_EXPORTER_IMAGE, PART, PORTS } from './layout.js';

/** Configuration of `nodeExporter()`. */
export interface NodeExporterConfig {
  /** Image. Default `quay.io/prometheus/node-exporter:v1.12.1`. */
  image: string;
  /** Default requests 50m / 64Mi, limit 180Mi. */
  resources: ResourceRequirements;
  /** Tolerations. Default: every taint, so every node is measured. */
  tolerations: NonNullable<IPodSpec['tolerations']>;
}

export const nodeExporterDefaults: NodeExporterConfig = {
  image: NODE_EXPORTER_IMAGE,
  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '180Mi' } },
  tolerations: [{ operator: 'Exists' }],
};

/**
 * Why node-exporter breaks the restricted profile: it measures the node, not itself. It still runs as `nobody`
 * with a read-only root file system, no capabilities and no privilege escalation.
 */
const WAIVERS = waiverAnnotations({
  'pod-security.host-path':
    "node agent: reads the node's /proc, /sys and root file system (read-only) for CPU, memory, disk and file system metrics",
  'pod-security.host-namespaces':
    "node agent: the host network namespace for the node's own network interfaces, the host PID namespace for its process counts",
});

/** Mount points that are not the node's own file systems (pods' volumes, container layers): default list of v1.12.1 plus kubelet pods and containerd. */
const MOUNT_POINTS_EXCLUDE =
  '^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+|var/lib/kubelet/pods/.+|run/containerd/.+)($|/)';

/**
 * node-exporter as a DaemonSet on every node (`collector/paths.go:26-29` at v1.12.1 for the host paths, port 9100
 * of `node_exporter.go:203`), in the host's network and PID namespaces. Its ServiceMonitor names each target by
 * its node (`instance`), so node alerts say which node.
 */
function nodeExporterObjects(context: BuildContext<NodeExporterConfig>) {
  const { config } = context;
  const host = (name: string, path: string) => ({ volume: { name, hostPath: { path } }, mount: `/host/${name}` });
  const volumes = [host('proc', '/proc'), host('sys', '/sys'), host('root', '/')];
  const objects = daemonSet(context, {
    name: PART.nodeExporter,
    runAs: NOBODY,
    serviceMonitor: false,
    annotations: WAIVERS,
    podAnnotations: WAIVERS,
    tolerations: config.tolerations,
    containers: [
      {
        name: 'node-exporter',
        image: config.image,
        args: [
          '--path.procfs=/host/proc',
          '--path.sysfs=/host/sys',
          '--path.rootfs=/host/root',
          '--path.udev.data=/host/root/run/udev/data',
          `--collector.filesystem.mount-points-exclude=${MOUNT_POINTS_EXCLUDE}`,
        ],
        ports: [{ name: 'http-metrics', containerPort: PORTS.nodeExporter, protocol: 'TCP' }],
        readinessProbe: { httpGet: { path: '/', port: 'http-metrics' }, periodSeconds: 10 },
        livenessProbe: { httpGet: { path: '/', port: 'http-metrics' }, periodSeconds: 20, failureThreshold: 6 },
        resources: config.resources,
        volumeMounts: volumes.map((v) => ({
          name: v.volume.name,
          mountPath: v.mount,
          readOnly: true,
          ...(v.volume.name === 'root' ? { mountPropagation: 'HostToContainer' } : {}),
        })),
      },
    ],
    volumes: volumes.map((v) => v.volume),
  });
  const spec = objects.workload.spec!.template.spec!;
  spec.hostNetwork = true;
  spec.hostPID = true;
  const monitor: IServiceMonitor = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: {
      name: PART.nodeExporter,
      namespace: context.namespace,
      labels: standardLabels(context.name, PART.nodeExporter),
    },
    spec: {
      selector: { matchLabels: selectorLabels(context.name, PART.nodeExporter) },
      endpoints: [
        {
          port: 'http-metrics',
          interval: '30s',
          relabelings: [
            { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_node_name'], targetLabel: 'instance' },
          ],
        },
      ],
    },
  };
  return {
    ...namedWorkloadObjects('node_exporter', 'daemonset', objects),
    ...(context.environment.settings.serviceMonitors ? { node_exporter_servicemonitor: monitor } : {}),
  };
}

/**
 * node-exporter (tier `platform`, namespace `node-exporter`, Pod Security `privileged` with the waivers above): its
 * own namespace keeps Prometheus' namespace restricted. Prometheus selects its ServiceMonitor like any other.
 *
 * ```ts
 * nodeExporter()
 * ```
 */
export const nodeExporter = defineComponent({
  name: 'node-exporter',
  tier: 'platform',
  defaults: nodeExporterDefaults,
  podSecurity: 'privileged',
  check: (config, checks) => {
    checks.resources('resources', config.resources);
  },
  build: nodeExporterObjects,
});
