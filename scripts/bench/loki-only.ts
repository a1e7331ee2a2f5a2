// The single-library environment of `pnpm bench`: Loki alone at prod's settings, the work issue 19 compares
// with Tanka rendering Grafana's Loki Jsonnet environment. Copied into a temporary project by main.mjs.
import { defineEnvironment } from '@platform/core';
import { loki } from '@platform/loki';

export default defineEnvironment({
  name: 'loki-only',
  cluster: { name: 'bench', server: 'https://kubernetes.default.svc' },
  repo: { url: 'https://git.example.com/platform/bench.git', revision: 'refs/heads/main' },
  settings: {
    baseDomain: 'bench.example.com',
    objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'bench' },
    metricsScraperNamespaces: ['alloy'],
    serviceMonitors: true,
  },
  // The Prometheus Operator's APIs, which prod installs with another component, are the cluster's here.
  clusterApis: [
    { group: 'monitoring.coreos.com', kind: 'ServiceMonitor' },
    { group: 'monitoring.coreos.com', kind: 'PodMonitor' },
    { group: 'monitoring.coreos.com', kind: 'PrometheusRule' },
  ],
  components: [
    loki({
      write: { replicas: 6, storageSize: '50Gi' },
      read: { replicas: 4 },
      limits: { ingestionRateMb: 50, ingestionBurstSizeMb: 100 },
    }),
  ],
});
