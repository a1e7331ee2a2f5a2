import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** Configuration of the `istio-base` component (CRDs and the default validating webhook). */
export interface IstioBaseConfig {
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

/** Mutual TLS modes of a mesh-wide PeerAuthentication: `PERMISSIVE` accepts plain text too (for a migration). */
export const MTLS_MODES = ['STRICT', 'PERMISSIVE'] as const;
export type MtlsMode = (typeof MTLS_MODES)[number];

/** Envoy access log formats. */
export const ACCESS_LOG_ENCODINGS = ['TEXT', 'JSON'] as const;
export type AccessLogEncoding = (typeof ACCESS_LOG_ENCODINGS)[number];

/** What sidecars do with traffic to hosts outside the mesh registry. */
export const OUTBOUND_TRAFFIC_POLICIES = ['ALLOW_ANY', 'REGISTRY_ONLY'] as const;
export type OutboundTrafficPolicy = (typeof OUTBOUND_TRAFFIC_POLICIES)[number];

/** Mesh-wide behaviour (chart `meshConfig`, Istio's MeshConfig API). */
export interface MeshSettings {
  /** Mutual TLS between workloads, mesh-wide (`PeerAuthentication/default` in the root namespace): `STRICT` or `PERMISSIVE` (for a migration). Default `STRICT`. */
  mtlsMode: MtlsMode;
  /** Envoy access log path, e.g. `/dev/stdout`; empty for none. Default `''`. */
  accessLogFile: string;
  /** Access log format: `TEXT` or `JSON`. Default `JSON`. */
  accessLogEncoding: AccessLogEncoding;
  /** Traffic to hosts outside the mesh registry: `ALLOW_ANY` or `REGISTRY_ONLY`. Default `ALLOW_ANY`. */
  outboundTrafficPolicy: OutboundTrafficPolicy;
  /** Start application containers only once the sidecar is ready. Default true. */
  holdApplicationUntilProxyStarts: boolean;
}

/** Configuration of the `istiod` component. */
export interface IstiodConfig {
  /** Fixed replica count, used when autoscaling is off. Default 2. */
  replicas: number;
  /** HorizontalPodAutoscaler on CPU. Default on, 2 to 5 replicas. */
  autoscale: { enabled: boolean; min: number; max: number };
  /** PodDisruptionBudget (minAvailable 1) when more than one replica runs. Default true. */
  podDisruptionBudget: boolean;
  /** istiod's resources. Default requests 500m / 2Gi (the chart's), memory limit 4Gi, no CPU limit. */
  resources: ResourceRequirements;
  /** Sidecar proxy resources (`global.proxy.resources`). Default requests 100m / 128Mi, limits 2 CPU / 1Gi (the chart's). */
  proxyResources: ResourceRequirements;
  /** Mesh-wide settings. */
  mesh: MeshSettings;
  /** Log as JSON (`global.logAsJson`). Default true. */
  logAsJson: boolean;
  /** Name of the component that installs the `base` chart (CRDs), which istiod must follow. Default `istio-base`. */
  baseComponent: string;
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const baseDefaults: IstioBaseConfig = {
  extraValues: {},
};

export const istiodDefaults: IstiodConfig = {
  replicas: 2,
  autoscale: { enabled: true, min: 2, max: 5 },
  podDisruptionBudget: true,
  resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: undefined, memory: '4Gi' } },
  proxyResources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1Gi' } },
  mesh: {
    mtlsMode: 'STRICT',
    accessLogFile: '',
    accessLogEncoding: 'JSON',
    outboundTrafficPolicy: 'ALLOW_ANY',
    holdApplicationUntilProxyStarts: true,
  },
  logAsJson: true,
  baseComponent: 'istio-base',
  extraValues: {},
};
