import type { ResourceRequirements } from '@platform/core';
import { LOAD_BALANCER_DEFAULTS, type LoadBalancerConfig } from '@platform/edge';

export type { LoadBalancerConfig, ResourceRequirements };

/** Where this package's runbooks are (its README). */
export const RUNBOOK_URL = 'https://git.example.com/platform/platform/-/blob/main/packages/traefik/README.md';

/** Configuration of `@platform/traefik`. */
export interface TraefikConfig {
  /** Traefik pods. Default 2 (a PodDisruptionBudget keeps one serving). */
  replicas: number;
  /** Requests and limits of the Traefik container. Default 100m/128Mi, memory limit 512Mi. */
  resources: ResourceRequirements;
  /** PodDisruptionBudget (maxUnavailable 1) and spread over zones and nodes. Default true. */
  podDisruptionBudget: boolean;
  /** Log level. Default `info`. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Access logs as JSON on stdout (shipped to Loki with the pod logs), request headers dropped. Default true. */
  accessLogs: boolean;
  /** The LoadBalancer Service: provider annotations, traffic policy, source ranges, DNS name. */
  loadBalancer: LoadBalancerConfig;
  /** IngressClass Traefik serves (cert-manager's HTTP-01 solver Ingresses use it). Default `traefik`. */
  className: string;
  /**
   * What Traefik serves the environment's routes as: its own `IngressRoute`s (rendered by `traefikRoutes()`), or
   * Gateway API `HTTPRoute`s of a Gateway that `@platform/gateway-api` renders (Traefik is then the Gateway's
   * implementation, with GatewayClass `className`). Default `ingressroute`.
   */
  routes: 'ingressroute' | 'gateway-api';
  /** Domains with one wildcard certificate each. Default `[]`: the environment's base domain. */
  wildcardDomains: string[];
  /** Client ranges `internal` routes admit (an IPAllowList). Default `[]` (no internal routes). */
  internalSourceRanges: string[];
  /** Alerts (rendered when the environment renders monitoring objects). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Where the runbooks are: `runbook_url` is this plus `#<alert>`. Default this package's README. */
    runbookUrl: string;
    /** Warn when more than this share of a service's requests fail with 5xx for 10 minutes. Default 0.05. */
    serverErrorRatio: number;
    /** Warn when a certificate Traefik serves expires within this many days (renewal is failing). Default 14. */
    certificateWarningDays: number;
  };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: TraefikConfig = {
  replicas: 2,
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: undefined, memory: '512Mi' } },
  podDisruptionBudget: true,
  logLevel: 'info',
  accessLogs: true,
  loadBalancer: { ...LOAD_BALANCER_DEFAULTS },
  className: 'traefik',
  routes: 'ingressroute',
  wildcardDomains: [],
  internalSourceRanges: [],
  alerts: { team: 'platform', runbookUrl: RUNBOOK_URL, serverErrorRatio: 0.05, certificateWarningDays: 14 },
  extraValues: {},
};

/** The DNS name of the load balancer. */
export function loadBalancerHostname(config: TraefikConfig, baseDomain: string): string {
  return config.loadBalancer.hostname ?? `edge.${baseDomain}`;
}
