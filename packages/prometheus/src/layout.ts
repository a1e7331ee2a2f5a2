/**
 * Names, ports and pinned images every part of the package agrees on. Versions are the ones Prometheus-Operator
 * v0.93.0 is tested with (`pkg/operator/defaults.go`), so the operator generates configuration for exactly them.
 */

/** The operator and its config reloader (`example/rbac/prometheus-operator/prometheus-operator-deployment.yaml` at v0.93.0). */
export const OPERATOR_IMAGE = 'quay.io/prometheus-operator/prometheus-operator:v0.93.0';
export const CONFIG_RELOADER_IMAGE = 'quay.io/prometheus-operator/prometheus-config-reloader:v0.93.0';
/** Prometheus v3.13.1: the newest release in the operator's compatibility matrix (`pkg/operator/defaults.go:116`), a long-term support line. */
export const PROMETHEUS_IMAGE = 'quay.io/prometheus/prometheus:v3.13.1';
/** Alertmanager v0.33.1: the operator's default (`pkg/operator/defaults.go:25`). */
export const ALERTMANAGER_IMAGE = 'quay.io/prometheus/alertmanager:v0.33.1';
export const NODE_EXPORTER_IMAGE = 'quay.io/prometheus/node-exporter:v1.12.1';
export const KUBE_STATE_METRICS_IMAGE = 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.20.0';

/** `nobody`, the user of the Prometheus, Alertmanager, node-exporter and kube-state-metrics images (their Dockerfiles' `USER nobody`). */
export const NOBODY = 65534;

export const PORTS = {
  /** The operator's web server: `/metrics`, `/healthz` (`cmd/operator/main.go:120,748-756`). */
  operator: 8080,
  /** Prometheus' web port, as the operator configures it (container port `web`, `pkg/prometheus/common.go:50,457`). */
  prometheus: 9090,
  alertmanager: 9093,
  /** Alertmanager's gossip (mesh) port. */
  alertmanagerMesh: 9094,
  nodeExporter: 9100,
  /** kube-state-metrics' metrics and its own telemetry (`Dockerfile:16`, `--port=8080 --telemetry-port=8081`). */
  kubeStateMetrics: 8080,
  kubeStateMetricsTelemetry: 8081,
} as const;

/** Workload, Service and part names. */
export const PART = {
  operator: 'prometheus-operator',
  prometheus: 'prometheus',
  alertmanager: 'alertmanager',
  kubeStateMetrics: 'kube-state-metrics',
  nodeExporter: 'node-exporter',
  thanosSidecar: 'thanos-sidecar',
} as const;

/** The ServiceAccounts. */
export const SERVICE_ACCOUNT = {
  operator: 'prometheus-operator',
  prometheus: 'prometheus',
  kubeStateMetrics: 'kube-state-metrics',
} as const;

/** The Service the operator keeps for the kubelets of every node (`--kubelet-service`), which the kubelet ServiceMonitor selects. */
export const KUBELET_SERVICE = { namespace: 'kube-system', name: 'kubelet' } as const;

/** The Secret with Alertmanager's configuration file, and the key the operator reads (`pkg/alertmanager/statefulset.go:61`). */
export const ALERTMANAGER_CONFIG = { secret: 'alertmanager-config', key: 'alertmanager.yaml' } as const;
