import type { ResourceRequirements } from '@platform/core';
import { THANOS_IMAGE } from '@platform/thanos';
import {
  ALERTMANAGER_IMAGE,
  CONFIG_RELOADER_IMAGE,
  KUBE_STATE_METRICS_IMAGE,
  OPERATOR_IMAGE,
  PROMETHEUS_IMAGE,
} from './layout.js';

/** Log levels every process here understands. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A volume. */
export interface VolumeConfig {
  /** Claim size. */
  size: string;
  /** Storage class. Default: the cluster's default. */
  storageClassName?: string;
}

/** Configuration of `@platform/prometheus`: Prometheus-Operator, an HA Prometheus, Alertmanager, kube-state-metrics and the Kubernetes rules. */
export interface PrometheusConfig {
  /** Images, pinned to exact releases the operator supports. Defaults in `layout.ts`. */
  images: {
    operator: string;
    configReloader: string;
    prometheus: string;
    alertmanager: string;
    kubeStateMetrics: string;
  };
  /** Team that owns the Kubernetes and monitoring alerts (their `team` label). Default `platform`. */
  team: string;
  /** Log level of the operator, Prometheus and Alertmanager. Default `info`. */
  logLevel: LogLevel;
  operator: {
    /** Default requests 100m / 100Mi, limit 200Mi (the upstream manifest's). */
    resources: ResourceRequirements;
  };
  prometheus: {
    /** Replicas of the HA pair: each scrapes every target, so either answers alone. Default 2. */
    replicas: number;
    /** How long Prometheus keeps data locally (`spec.retention`). Default `15d`; with Thanos, blocks live on in the bucket. */
    retention: string;
    /** Disk usage at which Prometheus deletes the oldest blocks (`spec.retentionSize`). Default `40GB`, below the volume. */
    retentionSize: string;
    /** The TSDB volume of each replica. Default 50Gi. */
    storage: VolumeConfig;
    /** Default requests 500m / 2Gi, limit 4Gi. */
    resources: ResourceRequirements;
    /** Default scrape interval. Default `30s` (the ServiceMonitors' interval). */
    scrapeInterval: string;
    /** Rule evaluation interval. Default `30s`. */
    evaluationInterval: string;
    /** External labels of every series and alert; `cluster` is always the cluster's name. Default `{}`. */
    externalLabels: Record<string, string>;
    /**
     * Labels a ServiceMonitor, PodMonitor or PrometheusRule must carry to be selected; `{}` selects all of them in
     * every namespace. Default `{}`.
     */
    selector: Record<string, string>;
    /** Accept remote write at `/api/v1/write` (Alloy's OTLP and pushed metrics). Default true. */
    remoteWriteReceiver: boolean;
  };
  alertmanager: {
    /** Render the Alertmanagers. Default true. */
    enabled: boolean;
    /** Replicas, gossiping silences and notification logs to each other. Default 3. */
    replicas: number;
    /** How long silences and notification logs are kept. Default `120h`. */
    retention: string;
    /** Volume of each replica. Default 1Gi. */
    storage: VolumeConfig;
    /** Default requests 50m / 128Mi, limit 256Mi. */
    resources: ResourceRequirements;
  };
  kubeStateMetrics: {
    /** Render kube-state-metrics (object state as metrics). Default true. */
    enabled: boolean;
    /** Default requests 50m / 128Mi, limit 512Mi. */
    resources: ResourceRequirements;
  };
  /** Scrape Kubernetes itself and render the Kubernetes rules. */
  kubernetes: {
    /** The kubelets' `/metrics`, `/metrics/cadvisor` and `/metrics/probes`. Default true. */
    kubelet: boolean;
    /** The API server's `/metrics` (Service `default/kubernetes`). Default true. */
    apiServer: boolean;
    /** CoreDNS' metrics (Service `kube-system/kube-dns`, port `metrics`). Default true. */
    coreDns: boolean;
    /** The rules for nodes, kubelet, API server, DNS, certificates, storage and workloads. Default true. */
    rules: boolean;
  };
  /**
   * Thanos: a sidecar in each Prometheus pod ships blocks to `<bucketPrefix>-thanos`, and a Query with a Query
   * Frontend in this namespace (the metrics store's query URL) reads the sidecars and the environment's store
   * gateway (`@platform/thanos`). Default off.
   */
  thanos: {
    enabled: boolean;
    /** Thanos image. Default `quay.io/thanos/thanos:v0.42.4`. */
    image: string;
    /** The sidecar's resources. Default requests 50m / 128Mi, limit 512Mi. */
    sidecarResources: ResourceRequirements;
    /** Replicas of the Query and of the Query Frontend. Default 2. */
    replicas: number;
    /** Query and Query Frontend resources. Default requests 100m / 256Mi, limit 1Gi. */
    resources: ResourceRequirements;
    /** In-memory response cache of each Query Frontend replica. Default `256MB`. */
    cacheSize: string;
    /** Range queries are split and cached by this interval. Default `24h`. */
    splitInterval: string;
  };
  network: {
    /** Components that query the metrics store (Prometheus, or the Query Frontend). Default `['grafana', 'keda']`. */
    queryFrom: string[];
    /** Components that remote-write. Default `['alloy', 'tempo']`. */
    remoteWriteFrom: string[];
    /** Components that use the Alertmanager API. Default `['grafana', 'loki']`. */
    alertmanagerFrom: string[];
    /** Components whose Thanos Query reads this Prometheus' Query (the global view). Default `['thanos']`. */
    storeApiFrom: string[];
  };
}

const resources = (cpu: string, memory: string, limit: string): ResourceRequirements => ({
  requests: { cpu, memory },
  limits: { memory: limit },
});

export const defaults: PrometheusConfig = {
  images: {
    operator: OPERATOR_IMAGE,
    configReloader: CONFIG_RELOADER_IMAGE,
    prometheus: PROMETHEUS_IMAGE,
    alertmanager: ALERTMANAGER_IMAGE,
    kubeStateMetrics: KUBE_STATE_METRICS_IMAGE,
  },
  team: 'platform',
  logLevel: 'info',
  operator: { resources: resources('100m', '100Mi', '200Mi') },
  prometheus: {
    replicas: 2,
    retention: '15d',
    retentionSize: '40GB',
    storage: { size: '50Gi', storageClassName: undefined },
    resources: resources('500m', '2Gi', '4Gi'),
    scrapeInterval: '30s',
    evaluationInterval: '30s',
    externalLabels: {},
    selector: {},
    remoteWriteReceiver: true,
  },
  alertmanager: {
    enabled: true,
    replicas: 3,
    retention: '120h',
    storage: { size: '1Gi', storageClassName: undefined },
    resources: resources('50m', '128Mi', '256Mi'),
  },
  kubeStateMetrics: { enabled: true, resources: resources('50m', '128Mi', '512Mi') },
  kubernetes: { kubelet: true, apiServer: true, coreDns: true, rules: true },
  thanos: {
    enabled: false,
    image: THANOS_IMAGE,
    sidecarResources: resources('50m', '128Mi', '512Mi'),
    replicas: 2,
    resources: resources('100m', '256Mi', '1Gi'),
    cacheSize: '256MB',
    splitInterval: '24h',
  },
  network: {
    queryFrom: ['grafana', 'keda'],
    remoteWriteFrom: ['alloy', 'tempo'],
    alertmanagerFrom: ['grafana', 'loki'],
    storeApiFrom: ['thanos'],
  },
};
