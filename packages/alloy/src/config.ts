import type { IPodSpec, ResourceRequirements, StoreCapability } from '@platform/core';

/** A key of an existing Secret in Alloy's namespace (delivered by External Secrets, never rendered here). */
export interface SecretKeyRef {
  /** Secret name. */
  name: string;
  /** Key inside the Secret. */
  key: string;
}

/**
 * A remote write or push target outside the environment's stores, e.g. a central SRE Mimir/Loki or a
 * hosted service. Credentials come only from Secrets; an inline `password` or `bearerToken` is rejected.
 */
export interface RemoteTarget {
  /** Short name, unique per list; names the Alloy component (`extra_<name>`) and the network rule. */
  name: string;
  /** Full URL: a Prometheus remote-write URL (`.../api/v1/push`) or a Loki push URL (`.../loki/api/v1/push`). */
  url: string;
  /** Tenant sent as `X-Scope-OrgID` (Loki: `tenant_id`). Default: none. */
  tenant?: string;
  /** Basic auth: the user name in clear, the password from a Secret key. */
  basicAuth?: { username: string; passwordSecret: SecretKeyRef };
  /** Bearer token from a Secret key. */
  bearerTokenSecret?: SecretKeyRef;
  /** Extra HTTP headers (not secrets). */
  headers?: Record<string, string>;
}

/** Capabilities Alloy can ship to: the environment's telemetry stores. */
export type { StoreCapability };

/** Configuration of an Alloy instance: a DaemonSet collecting the cluster's logs, metrics and traces. */
export interface AlloyConfig {
  /** Alloy image. Default `grafana/alloy:v1.18.1`. */
  image: string;
  /**
   * Stores that must exist in the environment; a missing one is a render error naming it.
   * Default `['metricsStore', 'logsStore']`. Stores not listed are used when present and skipped when absent.
   */
  require: StoreCapability[];
  /** Container resources. Default requests 100m CPU / 256Mi, limit 1Gi memory. */
  resources: ResourceRequirements;
  /** Labels added to every metric and log line sent. Default `{}`; `cluster` is always set to the cluster name. */
  externalLabels: Record<string, string>;
  logs: {
    /** Tail container logs of the node's pods from `/var/log/pods` (hostPath). Default true. */
    pods: boolean;
    /** Read the node's systemd journal (hostPath `/var/log/journal`, `/run/log/journal`). Default true. */
    journal: boolean;
  };
  metrics: {
    /** Scrape interval of every scrape Alloy runs. Default `30s` (the ServiceMonitors' interval). */
    scrapeInterval: string;
    /** Scrape the local kubelet (`/metrics`). Default true. */
    kubelet: boolean;
    /** Scrape the local kubelet's cAdvisor (`/metrics/cadvisor`). Default true. */
    cadvisor: boolean;
    /**
     * Skip verification of the kubelet's serving certificate. Default true: most clusters' kubelets serve
     * self-signed certificates (no `serverTLSBootstrap`); set false where kubelet certificates are CA-signed.
     */
    kubeletInsecureSkipVerify: boolean;
    /** Scrape pods of the node annotated `prometheus.io/scrape: "true"` (`prometheus.io/port`, `/path`, `/scheme`). Default true. */
    annotatedPods: boolean;
  };
  otlp: {
    /** Receive OTLP (gRPC 4317, HTTP 4318) and forward traces, metrics and logs to the stores present. Default true. */
    enabled: boolean;
    /** Namespaces whose pods may send OTLP. Default `[]`: every source (see README: core cannot select all namespaces yet). */
    allowedNamespaces: string[];
  };
  /** Extra remote-write targets beyond the environment's metrics stores (the SRE view). Default `[]`. */
  extraMetricsTargets: RemoteTarget[];
  /** Extra Loki push targets beyond the environment's log stores. Default `[]`. */
  extraLogsTargets: RemoteTarget[];
  /** Tolerations of the DaemonSet. Default: tolerate every taint, so every node's logs are collected. */
  tolerations: NonNullable<IPodSpec['tolerations']>;
  /** Node selector. Default `{}` (every node). */
  nodeSelector: Record<string, string>;
  /** Priority class of the pods. Default none. */
  priorityClassName?: string;
}

export const ALLOY_IMAGE = 'grafana/alloy:v1.18.1';

export const defaults: AlloyConfig = {
  image: ALLOY_IMAGE,
  require: ['metricsStore', 'logsStore'],
  resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } },
  externalLabels: {},
  logs: { pods: true, journal: true },
  metrics: {
    scrapeInterval: '30s',
    kubelet: true,
    cadvisor: true,
    kubeletInsecureSkipVerify: true,
    annotatedPods: true,
  },
  otlp: { enabled: true, allowedNamespaces: [] },
  extraMetricsTargets: [],
  extraLogsTargets: [],
  tolerations: [{ operator: 'Exists' }],
  nodeSelector: {},
  priorityClassName: undefined,
};

/** Ports Alloy listens on. */
export const PORTS = { http: 12345, otlpGrpc: 4317, otlpHttp: 4318 } as const;

/** Name of the DaemonSet and of its Service, which selects `selectorLabels(<instance>, ALLOY_WORKLOAD)`. */
export const ALLOY_WORKLOAD = 'alloy';
