import { dashboard } from '../dashboard.js';
import { statPanel, tablePanel, timeseriesPanel } from '../panels.js';

/**
 * The workload a pod belongs to, from its name: Deployments name pods `<name>-<replicaset hash>-<5>`, DaemonSets
 * and Jobs `<name>-<5>`, StatefulSets `<name>-<ordinal>`. Read from the name so that the view needs neither
 * recording rules nor joins through `kube_pod_owner`.
 */
function byWorkload(expr: string): string {
  return `label_replace(${expr}, "workload", "$1", "pod", "(.+?)(?:-[a-z0-9]{8,10})?-(?:[a-z0-9]{5}|[0-9]+)")`;
}

const SCOPE = 'namespace=~"$namespace"';
const CPU_USED = `rate(container_cpu_usage_seconds_total{${SCOPE}, container!=""}[$__rate_interval])`;
const MEMORY_USED = `container_memory_working_set_bytes{${SCOPE}, container!=""}`;
const CPU_REQUESTED = `kube_pod_container_resource_requests{${SCOPE}, resource="cpu"}`;
const MEMORY_REQUESTED = `kube_pod_container_resource_requests{${SCOPE}, resource="memory"}`;

function ratio(used: string, requested: string, by: string): string {
  return `sum by (${by}) (${used}) / sum by (${by}) (${requested})`;
}

/**
 * "Kubernetes / Resources vs requests": what every namespace and workload uses of the CPU and memory it requests
 * (cAdvisor usage from the kubelet, requests from kube-state-metrics), the right-sizing view: a workload far
 * below its requests holds capacity nobody else can schedule on, one above them is throttled or evicted first.
 */
export function kubernetesResourcesDashboard(): Record<string, unknown> {
  const workload = (expr: string) => byWorkload(expr);
  return dashboard({
    uid: 'platform-kubernetes-resources',
    title: 'Kubernetes / Resources vs requests',
    tags: ['kubernetes', 'platform'],
    from: 'now-24h',
    namespaceVariable: { metric: 'kube_pod_container_resource_requests', current: '$__all', multi: true },
    rows: [
      {
        title: 'Cluster',
        panels: [
          statPanel('CPU used / requested', 'percentunit', { expr: `sum(${CPU_USED}) / sum(${CPU_REQUESTED})` }),
          statPanel('Memory used / requested', 'percentunit', {
            expr: `sum(${MEMORY_USED}) / sum(${MEMORY_REQUESTED})`,
          }),
          statPanel('CPU requested', 'short', { expr: `sum(${CPU_REQUESTED})` }, { description: 'Cores.' }),
          statPanel('Memory requested', 'bytes', { expr: `sum(${MEMORY_REQUESTED})` }),
        ],
      },
      {
        title: 'Namespaces',
        panels: [
          tablePanel('CPU (cores) by namespace', 'short', [
            { expr: `sum by (namespace) (${CPU_USED})`, legend: 'used' },
            { expr: `sum by (namespace) (${CPU_REQUESTED})`, legend: 'requested' },
            { expr: ratio(CPU_USED, CPU_REQUESTED, 'namespace'), legend: 'used / requested' },
          ]),
          tablePanel('Memory by namespace', 'bytes', [
            { expr: `sum by (namespace) (${MEMORY_USED})`, legend: 'used' },
            { expr: `sum by (namespace) (${MEMORY_REQUESTED})`, legend: 'requested' },
            { expr: ratio(MEMORY_USED, MEMORY_REQUESTED, 'namespace'), legend: 'used / requested' },
          ]),
        ],
      },
      {
        panels: [
          timeseriesPanel('CPU used / requested by namespace', 'percentunit', [
            { expr: ratio(CPU_USED, CPU_REQUESTED, 'namespace'), legend: '{{namespace}}' },
          ]),
          timeseriesPanel('Memory used / requested by namespace', 'percentunit', [
            { expr: ratio(MEMORY_USED, MEMORY_REQUESTED, 'namespace'), legend: '{{namespace}}' },
          ]),
        ],
      },
      {
        title: 'Workloads',
        panels: [
          tablePanel('CPU (cores) by workload', 'short', [
            { expr: `sum by (namespace, workload) (${workload(CPU_USED)})`, legend: 'used' },
            { expr: `sum by (namespace, workload) (${workload(CPU_REQUESTED)})`, legend: 'requested' },
            {
              expr: ratio(workload(CPU_USED), workload(CPU_REQUESTED), 'namespace, workload'),
              legend: 'used / requested',
            },
          ]),
          tablePanel('Memory by workload', 'bytes', [
            { expr: `sum by (namespace, workload) (${workload(MEMORY_USED)})`, legend: 'used' },
            { expr: `sum by (namespace, workload) (${workload(MEMORY_REQUESTED)})`, legend: 'requested' },
            {
              expr: ratio(workload(MEMORY_USED), workload(MEMORY_REQUESTED), 'namespace, workload'),
              legend: 'used / requested',
            },
          ]),
        ],
      },
    ],
  });
}
