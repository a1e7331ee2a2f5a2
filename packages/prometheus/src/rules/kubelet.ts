import { type AlertSpec, JOB } from './rule.js';

const kubelet = `job="${JOB.kubelet}", metrics_path="/metrics"`;

/** The kubelets: down, full of pods, slow to relist containers. */
export const KUBELET_ALERTS: AlertSpec[] = [
  {
    alert: 'KubeletDown',
    expr: `absent(up{${kubelet}} == 1)`,
    for: '15m',
    severity: 'critical',
    summary: 'No kubelet can be scraped.',
    description:
      'Prometheus scrapes no kubelet: node, pod and volume metrics are missing and their alerts cannot fire.',
  },
  {
    alert: 'KubeletTooManyPods',
    expr: `count by (node) ((kube_pod_status_phase{job="${JOB.kubeStateMetrics}", phase="Running"} == 1) * on (namespace, pod) group_left (node) kube_pod_info{job="${JOB.kubeStateMetrics}"})\n  / max by (node) (kube_node_status_capacity{job="${JOB.kubeStateMetrics}", resource="pods"} != 1) > 0.95`,
    for: '15m',
    severity: 'warning',
    summary: 'A kubelet is close to its pod limit.',
    description: 'Node {{ $labels.node }} runs {{ $value | humanizePercentage }} of the pods it can hold.',
  },
  {
    alert: 'KubeletPlegDurationHigh',
    expr: `histogram_quantile(0.99, sum by (instance, le) (rate(kubelet_pleg_relist_duration_seconds_bucket{${kubelet}}[5m]))) >= 10`,
    for: '5m',
    severity: 'warning',
    summary: 'A kubelet is slow to relist its containers.',
    description:
      'The pod lifecycle event generator of {{ $labels.instance }} takes {{ $value }}s at the 99th percentile; the node turns NotReady above 3 minutes.',
  },
];
