import { type AlertSpec, JOB } from './rule.js';

const ksm = `job="${JOB.kubeStateMetrics}"`;

/** Workloads and their resource limits: crash loops, OOM kills, CPU throttling, rollouts stuck, quotas exceeded. */
export const WORKLOAD_ALERTS: AlertSpec[] = [
  {
    alert: 'KubePodCrashLooping',
    expr: `max_over_time(kube_pod_container_status_waiting_reason{${ksm}, reason="CrashLoopBackOff"}[5m]) >= 1`,
    for: '15m',
    severity: 'warning',
    summary: 'A container is crash-looping.',
    description: 'Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} keeps restarting.',
  },
  {
    alert: 'KubeContainerOOMKilled',
    expr: `(kube_pod_container_status_restarts_total{${ksm}} - kube_pod_container_status_restarts_total{${ksm}} offset 10m >= 1)\n  and ignoring (reason) min_over_time(kube_pod_container_status_last_terminated_reason{${ksm}, reason="OOMKilled"}[10m]) == 1`,
    for: '0s',
    severity: 'warning',
    summary: 'A container was killed for exceeding its memory limit.',
    description:
      'Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} was OOM-killed; raise its memory limit or find the leak.',
  },
  {
    alert: 'CPUThrottlingHigh',
    expr: `sum by (namespace, pod, container) (increase(container_cpu_cfs_throttled_periods_total{job="${JOB.kubelet}", container!=""}[5m]))\n  / sum by (namespace, pod, container) (increase(container_cpu_cfs_periods_total{job="${JOB.kubelet}"}[5m])) > 0.25`,
    for: '15m',
    severity: 'info',
    summary: 'A container is throttled by its CPU limit.',
    description:
      'Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} is throttled in {{ $value | humanizePercentage }} of its periods.',
  },
  {
    alert: 'KubeDeploymentReplicasMismatch',
    expr: `kube_deployment_spec_replicas{${ksm}} > kube_deployment_status_replicas_available{${ksm}}`,
    for: '15m',
    severity: 'warning',
    summary: 'A Deployment runs fewer replicas than it wants.',
    description:
      'Deployment {{ $labels.namespace }}/{{ $labels.deployment }} has had unavailable replicas for 15 minutes.',
  },
  {
    alert: 'KubeStatefulSetReplicasMismatch',
    expr: `kube_statefulset_replicas{${ksm}} > kube_statefulset_status_replicas_ready{${ksm}}`,
    for: '15m',
    severity: 'warning',
    summary: 'A StatefulSet runs fewer ready replicas than it wants.',
    description:
      'StatefulSet {{ $labels.namespace }}/{{ $labels.statefulset }} has had unready replicas for 15 minutes.',
  },
  {
    alert: 'KubeDaemonSetNotScheduled',
    expr: `kube_daemonset_status_desired_number_scheduled{${ksm}} - kube_daemonset_status_current_number_scheduled{${ksm}} > 0`,
    for: '10m',
    severity: 'warning',
    summary: 'A DaemonSet is missing pods on some nodes.',
    description: 'DaemonSet {{ $labels.namespace }}/{{ $labels.daemonset }} is not scheduled on {{ $value }} node(s).',
  },
  {
    alert: 'KubeQuotaExceeded',
    expr: `kube_resourcequota{${ksm}, type="used"} / ignoring (type) (kube_resourcequota{${ksm}, type="hard"} > 0) > 1`,
    for: '15m',
    severity: 'warning',
    summary: 'A namespace exceeds its resource quota.',
    description:
      'Namespace {{ $labels.namespace }} uses {{ $value | humanizePercentage }} of its {{ $labels.resource }} quota; new pods are rejected.',
  },
];
