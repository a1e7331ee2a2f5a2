import type { EndpointOwner, ResourceRequirements } from '@platform/core';
import { LOAD_BALANCER_DEFAULTS, type LoadBalancerConfig } from '@platform/edge';

export type { LoadBalancerConfig, ResourceRequirements };

/** Where this package's runbooks are (its README). */
export const RUNBOOK_URL = 'https://git.example.com/platform/platform/-/blob/main/packages/contour/README.md';

/** The images of Contour v1.33.6 and the Envoy it is released with (`examples/contour/03-contour.yaml`, `03-envoy.yaml`). */
export const IMAGES = {
  contour: 'ghcr.io/projectcontour/contour:v1.33.6',
  envoy: 'docker.io/envoyproxy/envoy:distroless-v1.38.3',
} as const;

/** An ExtensionService (Envoy's external authorization protocol, gRPC) that authenticates routes with auth. */
export interface AuthorizationService {
  /** Namespace of the `ExtensionService` object. */
  namespace: string;
  /** Name of the `ExtensionService` object. */
  name: string;
  /** Port of the auth server's pods, opened in Envoy's egress. */
  port: number;
}

/** Configuration of `@platform/contour`. */
export interface ContourConfig {
  /** Images, pinned to the exact release. Default {@link IMAGES}. */
  images: { contour: string; envoy: string };
  /** Contour (leader-elected control plane) and Envoy (data plane) pods. Default 2 each. */
  replicas: { contour: number; envoy: number };
  /**
   * Container resources. Defaults: contour 50m/128Mi (limit 512Mi), envoy 100m/128Mi (limit 512Mi),
   * shutdown-manager 10m/32Mi (limit 64Mi), envoy-initconfig 10m/32Mi (limit 64Mi).
   */
  resources: {
    contour: ResourceRequirements;
    envoy: ResourceRequirements;
    shutdownManager: ResourceRequirements;
    initConfig: ResourceRequirements;
  };
  /** Envoy's log level. Default `info`. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** The LoadBalancer Service in front of Envoy. */
  loadBalancer: LoadBalancerConfig;
  /** Ingress class Contour serves (`--ingress-class-name`; cert-manager's HTTP-01 Ingresses use it). Default `contour`. */
  className: string;
  /** Domains with one wildcard certificate each. Default `[]`: the environment's base domain. */
  wildcardDomains: string[];
  /** Client ranges `internal` routes admit (`ipAllowPolicy`, by peer address). Default `[]` (no internal routes). */
  internalSourceRanges: string[];
  /**
   * The ExtensionService that authenticates routes with basic or forward auth; Contour has no built-in auth, so
   * without one such routes are a render error. It receives the route's auth in `authPolicy.context`. Default none.
   */
  authorization: AuthorizationService | undefined;
  /** Alerts (rendered when the environment renders monitoring objects). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Where the runbooks are: `runbook_url` is this plus `#<alert>`. Default this package's README. */
    runbookUrl: string;
  };
}

export const defaults: ContourConfig = {
  images: { ...IMAGES },
  replicas: { contour: 2, envoy: 2 },
  resources: {
    contour: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: undefined, memory: '512Mi' } },
    envoy: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: undefined, memory: '512Mi' } },
    shutdownManager: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: undefined, memory: '64Mi' } },
    initConfig: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: undefined, memory: '64Mi' } },
  },
  logLevel: 'info',
  loadBalancer: { ...LOAD_BALANCER_DEFAULTS },
  className: 'contour',
  wildcardDomains: [],
  internalSourceRanges: [],
  authorization: undefined,
  alerts: { team: 'platform', runbookUrl: RUNBOOK_URL },
};

/**
 * The ExtensionService a Contour authenticates routes with, published for its routes component (`namespace` is
 * the ExtensionService's; `component` the Contour that uses it).
 */
export interface ContourAuthorization extends EndpointOwner, AuthorizationService {}

declare module '@platform/core' {
  interface Capabilities {
    contourAuthorization: ContourAuthorization;
  }
}
