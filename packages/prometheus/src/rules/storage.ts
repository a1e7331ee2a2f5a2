import { type AlertSpec, JOB } from './rule.js';

const volumes = `job="${JOB.kubelet}", metrics_path="/metrics"`;

/** Persistent volumes: space and inodes (kubelet volume stats), and volumes stuck Failed or Pending. */
export const STORAGE_ALERTS: AlertSpec[] = [
  {
    alert: 'KubePersistentVolumeFillingUp',
    expr: `kubelet_volume_stats_available_bytes{${volumes}} / kubelet_volume_stats_capacity_bytes{${volumes}} < 0.15\n  and kubelet_volume_stats_used_bytes{${volumes}} > 0\n  and predict_linear(kubelet_volume_stats_available_bytes{${volumes}}[6h], 4 * 24 * 3600) < 0`,
    for: '1h',
    severity: 'warning',
    summary: 'A persistent volume will be full within four days.',
    description:
      'Claim {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} has {{ $value | humanizePercentage }} free and is filling up.',
  },
  {
    alert: 'KubePersistentVolumeAlmostFull',
    expr: `kubelet_volume_stats_available_bytes{${volumes}} / kubelet_volume_stats_capacity_bytes{${volumes}} < 0.03\n  and kubelet_volume_stats_used_bytes{${volumes}} > 0`,
    for: '1m',
    severity: 'critical',
    summary: 'A persistent volume is almost full.',
    description:
      'Claim {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} has {{ $value | humanizePercentage }} free; its workload fails writes when it is full.',
  },
  {
    alert: 'KubePersistentVolumeInodesAlmostFull',
    expr: `kubelet_volume_stats_inodes_free{${volumes}} / kubelet_volume_stats_inodes{${volumes}} < 0.03\n  and kubelet_volume_stats_inodes_used{${volumes}} > 0`,
    for: '1m',
    severity: 'critical',
    summary: 'A persistent volume is almost out of inodes.',
    description:
      'Claim {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} has {{ $value | humanizePercentage }} inodes free.',
  },
  {
    alert: 'KubePersistentVolumeErrors',
    expr: `kube_persistentvolume_status_phase{job="${JOB.kubeStateMetrics}", phase=~"Failed|Pending"} > 0`,
    for: '5m',
    severity: 'critical',
    summary: 'A persistent volume is Failed or Pending.',
    description: 'Persistent volume {{ $labels.persistentvolume }} is {{ $labels.phase }}.',
  },
];
