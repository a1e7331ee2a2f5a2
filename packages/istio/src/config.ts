import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** Configuration of the `istio-base` component (CRDs and the default validating webhook). */
export interface IstioBaseConfig {
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

/** Mesh-wide behaviour (chart `meshConfig`, Istio's MeshConfig API). */
export interface MeshSettings {
  /** Mutual TLS between workloads, mesh-wide (`PeerAuthentication/default` in the root namespace): `STRICT` or `PERMISSIVE` (for a migration). Default `STRICT`. */
  mtlsMode: string;
  /** Envoy access log path, e.g. `/dev/stdout`; empty for none. Default `''`. */
  accessLogFile: string;
  /** Access log format: `TEXT` or `JSON`. Default `JSON`. */
  accessLogEncoding: string;
  /** Traffic to hosts outside the mesh registry: `ALLOW_ANY` or `REGISTRY_ONLY`. Default `ALLOW_ANY`. */
  outboundTrafficPolicy: string;
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
