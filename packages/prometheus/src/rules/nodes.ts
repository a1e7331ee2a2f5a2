import { type AlertSpec, JOB } from './rule.js';

const ksm = `job="${JOB.kubeStateMetrics}"`;
const fs = `job="${JOB.nodeExporter}", fstype!="", mountpoint!=""`;

/** Nodes: readiness and reachability (kube-state-metrics), disks, memory, clocks and network errors (node-exporter). */
export const NODE_ALERTS: AlertSpec[] = [
  {
    alert: 'KubeNodeNotReady',
    expr: `kube_node_status_condition{${ksm}, condition="Ready", status="true"} == 0`,
    for: '15m',
    severity: 'warning',
    summary: 'A node is not ready.',
    description:
      'Node {{ $labels.node }} has not been Ready for 15 minutes; its pods are not scheduled and may be evicted.',
  },
  {
    alert: 'KubeNodeUnreachable',
    expr: `kube_node_spec_taint{${ksm}, key="node.kubernetes.io/unreachable", effect="NoSchedule"} == 1`,
    for: '15m',
    severity: 'warning',
    summary: 'A node is unreachable.',
    description: 'Node {{ $labels.node }} is tainted unreachable: the control plane has lost contact with its kubelet.',
  },
  {
    alert: 'NodeFilesystemSpaceFillingUp',
    expr: `(node_filesystem_avail_bytes{${fs}} / node_filesystem_size_bytes{${fs}} * 100 < 15\n  and predict_linear(node_filesystem_avail_bytes{${fs}}[6h], 24 * 60 * 60) < 0\n  and node_filesystem_readonly{${fs}} == 0)`,
    for: '1h',
    severity: 'warning',
    summary: 'A node file system will be full within a day.',
    description:
      '{{ $labels.mountpoint }} on {{ $labels.instance }} has {{ printf "%.1f" $value }}% space left and is filling up.',
  },
  {
    alert: 'NodeFilesystemAlmostOutOfSpace',
    expr: `(node_filesystem_avail_bytes{${fs}} / node_filesystem_size_bytes{${fs}} * 100 < 5\n  and node_filesystem_readonly{${fs}} == 0)`,
    for: '30m',
    severity: 'critical',
    summary: 'A node file system is almost full.',
    description:
      '{{ $labels.mountpoint }} on {{ $labels.instance }} has {{ printf "%.1f" $value }}% space left; the kubelet evicts pods at its threshold.',
  },
  {
    alert: 'NodeFilesystemAlmostOutOfFiles',
    expr: `(node_filesystem_files_free{${fs}} / node_filesystem_files{${fs}} * 100 < 5\n  and node_filesystem_readonly{${fs}} == 0)`,
    for: '1h',
    severity: 'warning',
    summary: 'A node file system is almost out of inodes.',
    description: '{{ $labels.mountpoint }} on {{ $labels.instance }} has {{ printf "%.1f" $value }}% inodes left.',
  },
  {
    alert: 'NodeMemoryHighUtilization',
    expr: `100 - (node_memory_MemAvailable_bytes{job="${JOB.nodeExporter}"} / node_memory_MemTotal_bytes{job="${JOB.nodeExporter}"} * 100) > 90`,
    for: '15m',
    severity: 'warning',
    summary: 'A node is running out of memory.',
    description:
      '{{ $labels.instance }} uses {{ printf "%.0f" $value }}% of its memory; the kubelet starts evicting pods soon.',
  },
  {
    alert: 'NodeClockNotSynchronising',
    expr: `min_over_time(node_timex_sync_status{job="${JOB.nodeExporter}"}[5m]) == 0\n  and node_timex_maxerror_seconds{job="${JOB.nodeExporter}"} >= 16`,
    for: '10m',
    severity: 'warning',
    summary: "A node's clock is not synchronised.",
    description:
      'The clock of {{ $labels.instance }} is not synchronised to NTP; certificates and tokens fail validation when clocks drift.',
  },
  {
    alert: 'NodeNetworkReceiveErrors',
    expr: `rate(node_network_receive_errs_total{job="${JOB.nodeExporter}"}[5m]) / rate(node_network_receive_packets_total{job="${JOB.nodeExporter}"}[5m]) > 0.01`,
    for: '1h',
    severity: 'warning',
    summary: 'A node network interface drops received packets.',
    description: '{{ $labels.device }} on {{ $labels.instance }} has {{ $value | humanizePercentage }} receive errors.',
  },
  {
    alert: 'NodeNetworkTransmitErrors',
    expr: `rate(node_network_transmit_errs_total{job="${JOB.nodeExporter}"}[5m]) / rate(node_network_transmit_packets_total{job="${JOB.nodeExporter}"}[5m]) > 0.01`,
    for: '1h',
    severity: 'warning',
    summary: 'A node network interface fails to transmit packets.',
    description:
      '{{ $labels.device }} on {{ $labels.instance }} has {{ $value | humanizePercentage }} transmit errors.',
  },
];
