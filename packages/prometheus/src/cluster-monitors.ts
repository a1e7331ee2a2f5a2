import { type BuildContext, type IServiceMonitor, standardLabels } from '@platform/core';
import type { PrometheusConfig } from './config.js';
import { KUBELET_SERVICE } from './layout.js';

/** The ServiceAccount token and CA every pod has, with which Prometheus authenticates to the API server and kubelets. */
const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
const CA = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';

type Endpoint = NonNullable<IServiceMonitor['spec']>['endpoints'][number];

function monitor(
  context: BuildContext<PrometheusConfig>,
  name: string,
  spec: NonNullable<IServiceMonitor['spec']>,
): IServiceMonitor {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name, namespace: context.namespace, labels: standardLabels(context.name, 'kubernetes') },
    spec,
  };
}

/**
 * One path of the kubelet (`job="kubelet"`, the Service's name), told apart by a `metrics_path` label, over HTTPS
 * with Prometheus' token. Kubelet serving certificates are self-signed on most clusters (no `serverTLSBootstrap`),
 * hence no verification, as Alloy's default (`metrics.kubeletInsecureSkipVerify`).
 */
function kubeletPath(path: string, extra: Partial<Endpoint> = {}): Endpoint {
  return {
    port: 'https-metrics',
    scheme: 'https',
    path,
    interval: '30s',
    honorLabels: true,
    bearerTokenFile: TOKEN,
    tlsConfig: { insecureSkipVerify: true },
    relabelings: [{ action: 'replace', sourceLabels: ['__metrics_path__'], targetLabel: 'metrics_path' }],
    ...extra,
  };
}

/**
 * ServiceMonitors for Kubernetes itself, in Prometheus' namespace: the kubelets (the Endpoints the operator keeps
 * in `kube-system/kubelet`, labelled `k8s-app: kubelet`, port `https-metrics`; `pkg/kubelet/controller.go:47,436-443`
 * at v0.93.0) with cAdvisor and probe metrics; the API server (`default/kubernetes`, labels `component: apiserver`,
 * `provider: kubernetes`; `job` from `component`); CoreDNS (`kube-system/kube-dns`, port `metrics`; `job="kube-dns"`).
 */
export function kubernetesMonitors(context: BuildContext<PrometheusConfig>): Record<string, IServiceMonitor> {
  const { kubernetes } = context.config;
  if (!context.environment.settings.serviceMonitors) return {};
  return {
    ...(kubernetes.kubelet
      ? {
          kubelet_servicemonitor: monitor(context, 'kubelet', {
            jobLabel: 'k8s-app',
            namespaceSelector: { matchNames: [KUBELET_SERVICE.namespace] },
            selector: { matchLabels: { 'k8s-app': 'kubelet' } },
            endpoints: [
              kubeletPath('/metrics'),
              // cAdvisor stamps its samples; Prometheus' own timestamps keep staleness handling right.
              kubeletPath('/metrics/cadvisor', { honorTimestamps: false }),
              kubeletPath('/metrics/probes'),
            ],
          }),
        }
      : {}),
    ...(kubernetes.apiServer
      ? {
          api_server_servicemonitor: monitor(context, 'kube-apiserver', {
            jobLabel: 'component',
            namespaceSelector: { matchNames: ['default'] },
            selector: { matchLabels: { component: 'apiserver', provider: 'kubernetes' } },
            endpoints: [
              {
                port: 'https',
                scheme: 'https',
                interval: '30s',
                bearerTokenFile: TOKEN,
                tlsConfig: { caFile: CA, serverName: 'kubernetes' },
              },
            ],
          }),
        }
      : {}),
    ...(kubernetes.coreDns
      ? {
          coredns_servicemonitor: monitor(context, 'coredns', {
            jobLabel: 'k8s-app',
            namespaceSelector: { matchNames: ['kube-system'] },
            selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            endpoints: [{ port: 'metrics', interval: '30s' }],
          }),
        }
      : {}),
  };
}
