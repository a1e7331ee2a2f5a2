import { applyPatch, type BuildContext, type Patch } from '@platform/core';
import { DNS_HOSTNAME_ANNOTATION, loadBalancerAnnotations } from '@platform/edge';
import { DEFAULT_IMAGE_REGISTRY, HTTPS_ENTRYPOINT, traefikPods } from './chart.js';
import { loadBalancerHostname, type ResourceRequirements, type TraefikConfig } from './config.js';

/** A topology spread constraint as the chart passes it to the pod template (`topologySpreadConstraints`). */
interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector: { matchLabels: Record<string, string> };
}

/**
 * The subset of the traefik v41.3.0 chart values this package sets (`traefik/values.yaml`, line numbers there).
 * Security contexts are the chart's: non-root 65532, RuntimeDefault seccomp, no privilege escalation, every
 * capability dropped, read-only root file system (lines 1256-1270; templates/_podtemplate.tpl), which Pod Security "restricted" admits.
 */
export interface TraefikValues {
  /** Image registry (and Docker Hub's `library/` repository), set only behind a mirror (lines 5-17). */
  image?: { registry: string; repository: string };
  deployment: { replicas: number };
  /** Lines 121-124. */
  podDisruptionBudget: { enabled: boolean; maxUnavailable?: number };
  topologySpreadConstraints: SpreadConstraint[];
  resources: ResourceRequirements;
  /** Lines 126-130: an IngressClass that is not the cluster default. */
  ingressClass: { enabled: boolean; isDefaultClass: boolean; name: string };
  /** Line 137: no fallback to default TLS options on a conflict (GHSA-g55h-rg46-x9c5, Traefik v3.7.11+). */
  core: { strictTLSOptions: boolean };
  /** Lines 882-886: no update checks or usage reports from the cluster. */
  global: { checkNewVersion: boolean; sendAnonymousUsage: boolean };
  /** Lines 210-214: the dashboard off (it would listen on the internal `traefik` entrypoint). */
  api: { dashboard: boolean };
  providers: {
    /** Lines 310-322: IngressRoutes may not reach other namespaces; the default TLSStore only in Traefik's own. */
    kubernetesCRD: { enabled: boolean; allowCrossNamespace: boolean; defaultTLSResourcesNamespace: string };
    /** Line 335: Ingresses, for cert-manager's HTTP-01 solvers. */
    kubernetesIngress: { enabled: boolean };
    /** Line 371: Gateway API, when Traefik implements the environment's Gateway. */
    kubernetesGateway: { enabled: boolean };
  };
  /** Lines 160-162: no chart-made Gateway (`@platform/gateway-api` renders the environment's). */
  gateway: { enabled: boolean };
  /** Lines 202-208: the GatewayClass, rendered only with the Gateway provider (`templates/gatewayclass.yaml:1`). */
  gatewayClass: { enabled: boolean; name: string };
  /**
   * Lines 951-975: `web` redirects to `websecure` permanently, at priority 1 so that any other router on `web`
   * (cert-manager's HTTP-01 solver Ingresses) wins over the redirect, whose default priority is MaxInt-1
   * (Traefik v3.7.9 `docs/content/reference/install-configuration/entrypoints.md:98`).
   */
  ports: {
    web: {
      http: { redirections: { entryPoint: { to: string; scheme: 'https'; permanent: boolean; priority: number } } };
    };
  };
  /** Lines 538-545. */
  log: { level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'; format: 'json' };
  /** Lines 591-621: JSON to stdout; request headers (Authorization among them) dropped from every line. */
  accessLog: { enabled: boolean; format: 'json'; fields: { headers: { defaultMode: 'drop' } } };
  /** Lines 668-712: a metrics Service and, with ServiceMonitors, one for it. */
  metrics: { prometheus: { service: { enabled: boolean }; serviceMonitor: { enabled: boolean } } };
  /** Lines 1127-1147: the LoadBalancer Service, its provider annotations and its own DNS name. */
  service: {
    annotations: Record<string, string>;
    spec: { type: 'LoadBalancer'; externalTrafficPolicy: 'Local' | 'Cluster'; loadBalancerSourceRanges?: string[] };
  };
}

/** Spread over zones (soft) and nodes (soft): the zone-level spread keeps the edge up when a zone goes. */
function spread(matchLabels: Record<string, string>): SpreadConstraint[] {
  return ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels },
  }));
}

/** The chart values of a Traefik instance, with `extraValues` deep-merged last. */
export function chartValues({ config, namespace, environment }: BuildContext<TraefikConfig>): TraefikValues {
  const mirror = environment.settings.imageRegistryMirror;
  const gateway = config.routes === 'gateway-api';
  const values: TraefikValues = {
    ...(mirror
      ? {
          image: { registry: `${mirror.replace(/\/+$/, '')}/${DEFAULT_IMAGE_REGISTRY}`, repository: 'library/traefik' },
        }
      : {}),
    deployment: { replicas: config.replicas },
    podDisruptionBudget: config.podDisruptionBudget ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
    topologySpreadConstraints: config.podDisruptionBudget ? spread(traefikPods(namespace)) : [],
    resources: config.resources,
    ingressClass: { enabled: true, isDefaultClass: false, name: config.className },
    core: { strictTLSOptions: true },
    global: { checkNewVersion: false, sendAnonymousUsage: false },
    api: { dashboard: false },
    providers: {
      kubernetesCRD: { enabled: true, allowCrossNamespace: false, defaultTLSResourcesNamespace: namespace },
      kubernetesIngress: { enabled: true },
      kubernetesGateway: { enabled: gateway },
    },
    gateway: { enabled: false },
    gatewayClass: { enabled: gateway, name: config.className },
    ports: {
      web: {
        http: { redirections: { entryPoint: { to: HTTPS_ENTRYPOINT, scheme: 'https', permanent: true, priority: 1 } } },
      },
    },
    log: { level: config.logLevel.toUpperCase() as TraefikValues['log']['level'], format: 'json' },
    accessLog: { enabled: config.accessLogs, format: 'json', fields: { headers: { defaultMode: 'drop' } } },
    metrics: {
      prometheus: { service: { enabled: true }, serviceMonitor: { enabled: environment.settings.serviceMonitors } },
    },
    service: {
      annotations: {
        ...(config.loadBalancer.provider ? loadBalancerAnnotations(config.loadBalancer.provider) : {}),
        [DNS_HOSTNAME_ANNOTATION]: loadBalancerHostname(config, environment.settings.baseDomain),
      },
      spec: {
        type: 'LoadBalancer',
        externalTrafficPolicy: config.loadBalancer.externalTrafficPolicy,
        ...(config.loadBalancer.sourceRanges.length > 0
          ? { loadBalancerSourceRanges: config.loadBalancer.sourceRanges }
          : {}),
      },
    },
  };
  return applyPatch<TraefikValues>(values, config.extraValues as Patch<TraefikValues>);
}
