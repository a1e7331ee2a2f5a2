import { applyPatch, type BuildContext, mirroredImage, type Patch } from '@platform/core';
import { IMAGE, POD_LABELS } from './chart.js';
import type { MetricsServerConfig, ResourceRequirements } from './config.js';

/**
 * The subset of the metrics-server 3.13.1 chart values this package sets (chart `values.yaml`). The chart's
 * container security context is kept as it is: non-root user 1000, no privilege escalation, read-only root,
 * all capabilities dropped, `RuntimeDefault` seccomp (values.yaml:55-64), which is Pod Security "restricted".
 */
export interface MetricsServerValues {
  replicas: number;
  /** The chart's default arguments, with the configured metric resolution (values.yaml:95-99). */
  defaultArgs: string[];
  args: string[];
  resources: ResourceRequirements;
  /**
   * Registers `v1beta1.metrics.k8s.io` (the default, stated so that no override drops it silently). With
   * cert-manager TLS the API server verifies the serving certificate (`insecureSkipTLSVerify: false` is not
   * rendered at all, templates/apiservice.yaml:65-67).
   */
  apiService: { create: true; insecureSkipTLSVerify: boolean };
  /** `metrics-server`: self-generated; `cert-manager`: a Certificate from an existing ClusterIssuer, CA injected. */
  tls:
    | { type: 'metrics-server' }
    | {
        type: 'cert-manager';
        certManager: {
          addInjectorAnnotations: true;
          existingIssuer: { enabled: true; kind: 'ClusterIssuer'; name: string };
        };
      };
  podDisruptionBudget: { enabled: boolean; maxUnavailable?: number };
  updateStrategy?: { type: 'RollingUpdate'; rollingUpdate: { maxSurge: number; maxUnavailable: number } };
  affinity?: Record<string, unknown>;
  topologySpreadConstraints?: unknown[];
  image?: { repository: string };
  /** `/metrics` without authorization (`--authorization-always-allow-paths`) and the chart's ServiceMonitor. */
  metrics: { enabled: boolean };
  serviceMonitor: { enabled: boolean };
}

/** The chart's default arguments (values.yaml `defaultArgs`), with `--metric-resolution` from the configuration. */
function defaultArgs(config: MetricsServerConfig): string[] {
  return [
    '--cert-dir=/tmp',
    '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
    '--kubelet-use-node-status-port',
    `--metric-resolution=${config.metricResolution}`,
  ];
}

/**
 * High availability as upstream's `manifests/components/high-availability` does it: pods on distinct nodes
 * (required anti-affinity), one at a time out during rollouts and disruptions; besides, spread over zones where
 * the cluster has several.
 */
function highAvailability(): Pick<
  MetricsServerValues,
  'podDisruptionBudget' | 'updateStrategy' | 'affinity' | 'topologySpreadConstraints'
> {
  const labelSelector = { matchLabels: { ...POD_LABELS } };
  return {
    podDisruptionBudget: { enabled: true, maxUnavailable: 1 },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
    affinity: {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector, topologyKey: 'kubernetes.io/hostname' }],
      },
    },
    topologySpreadConstraints: [
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector },
    ],
  };
}

/**
 * The TLS values: the chart's Certificate (templates/certificate.yaml:14-46) from the issuer, and the
 * `cert-manager.io/inject-ca-from` annotation on the APIService (templates/apiservice.yaml:41-46).
 */
function tlsValues(issuer: string | undefined): Pick<MetricsServerValues, 'tls' | 'apiService'> {
  if (issuer === undefined)
    return { tls: { type: 'metrics-server' }, apiService: { create: true, insecureSkipTLSVerify: true } };
  return {
    tls: {
      type: 'cert-manager',
      certManager: {
        addInjectorAnnotations: true,
        existingIssuer: { enabled: true, kind: 'ClusterIssuer', name: issuer },
      },
    },
    apiService: { create: true, insecureSkipTLSVerify: false },
  };
}

/**
 * The chart values of a metrics-server instance, with `extraValues` deep-merged last. `issuer`: the name of the
 * ClusterIssuer that signs the serving certificate (`tls: 'cert-manager'`).
 */
export function chartValues(
  { config, environment }: BuildContext<MetricsServerConfig>,
  issuer: string | undefined,
): MetricsServerValues {
  const mirror = environment.settings.imageRegistryMirror;
  const monitors = environment.settings.serviceMonitors;
  const values: MetricsServerValues = {
    replicas: config.replicas,
    defaultArgs: defaultArgs(config),
    args: config.kubeletInsecureTls ? ['--kubelet-insecure-tls'] : [],
    resources: config.resources,
    ...tlsValues(issuer),
    ...(config.replicas > 1 ? highAvailability() : { podDisruptionBudget: { enabled: false } }),
    ...(mirror ? { image: { repository: mirroredImage(IMAGE, mirror) } } : {}),
    metrics: { enabled: monitors },
    serviceMonitor: { enabled: monitors },
  };
  return applyPatch<MetricsServerValues>(values, config.extraValues as Patch<MetricsServerValues>);
}
