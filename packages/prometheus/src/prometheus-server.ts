import {
  type BuildContext,
  type IService,
  mirroredImage,
  PlatformError,
  selectorLabels,
  stageAnnotations,
  standardLabels,
} from '@platform/core';
import { type ThanosSidecar, thanosSidecar } from '@platform/thanos';
import type { PrometheusConfig } from './config.js';
import type { IPrometheus } from './kinds.js';
import { PART, PORTS, SERVICE_ACCOUNT } from './layout.js';
import { operatedCompanions, operatedPodPlacement } from './placement.js';

/** The operator-generated pods come after the operator (first-sync stage 0), which creates them. */
export const OPERATED_STAGE = 1;

/** The version an image tag names (`quay.io/prometheus/prometheus:v3.13.1` → `v3.13.1`), which the operator generates the configuration for. */
export function imageVersion(image: string): string {
  return image.slice(image.lastIndexOf(':') + 1);
}

/** `{}` selects every object (the default); labels select only objects that carry them all. */
function selector(labels: Record<string, string>) {
  return Object.keys(labels).length === 0 ? {} : { matchLabels: labels };
}

/**
 * The Prometheus resource: an HA pair (each replica scrapes every target and evaluates every rule, told apart by
 * the `prometheus_replica` external label) selecting the ServiceMonitors, PodMonitors and PrometheusRules of
 * every namespace (`{}` selectors; a `nil` one would select none), with retention by age and size, a volume per
 * replica, the remote-write receiver, the environment's Alertmanagers, and with Thanos the sidecar.
 */
function prometheusResource(context: BuildContext<PrometheusConfig>, sidecar?: ThanosSidecar): IPrometheus {
  const { config } = context;
  const settings = context.environment.settings;
  const server = config.prometheus;
  const all = selector(server.selector);
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'Prometheus',
    metadata: {
      name: context.name,
      namespace: context.namespace,
      labels: standardLabels(context.name, PART.prometheus),
      annotations: stageAnnotations(OPERATED_STAGE),
    },
    spec: {
      replicas: server.replicas,
      image: mirroredImage(config.images.prometheus, settings.imageRegistryMirror),
      version: imageVersion(config.images.prometheus),
      serviceAccountName: SERVICE_ACCOUNT.prometheus,
      logLevel: config.logLevel,
      retention: server.retention,
      retentionSize: server.retentionSize,
      scrapeInterval: server.scrapeInterval,
      evaluationInterval: server.evaluationInterval,
      externalLabels: { ...server.externalLabels, cluster: context.environment.cluster.name },
      serviceMonitorSelector: all,
      serviceMonitorNamespaceSelector: {},
      podMonitorSelector: all,
      podMonitorNamespaceSelector: {},
      ruleSelector: all,
      ruleNamespaceSelector: {},
      enableRemoteWriteReceiver: server.remoteWriteReceiver,
      resources: server.resources,
      storage: {
        volumeClaimTemplate: {
          spec: {
            accessModes: ['ReadWriteOnce'],
            ...(server.storage.storageClassName ? { storageClassName: server.storage.storageClassName } : {}),
            resources: { requests: { storage: server.storage.size } },
          },
        },
      },
      ...(config.alertmanager.enabled
        ? {
            alerting: {
              alertmanagers: [
                { namespace: context.namespace, name: PART.alertmanager, port: 'web', apiVersion: 'v2' as const },
              ],
            },
          }
        : {}),
      ...operatedPodPlacement(context, PART.prometheus),
      ...(sidecar ? { thanos: sidecar.thanos, volumes: sidecar.volumes } : {}),
      ...(sidecar && sidecar.containers.length > 0 ? { containers: sidecar.containers } : {}),
    },
  };
}

/** The Thanos sidecar of the Prometheus pods, when Thanos is on. */
function prometheusSidecar(context: BuildContext<PrometheusConfig>): ThanosSidecar | undefined {
  const { thanos } = context.config;
  if (!thanos.enabled) return undefined;
  return thanosSidecar(context.environment.settings, {
    image: thanos.image,
    logLevel: context.config.logLevel,
    resources: thanos.sidecarResources,
  });
}

/** A headless Service over the sidecars' StoreAPI, so Thanos Query reaches each replica (`dnssrv+_grpc._tcp.thanos-sidecar...`). */
function sidecarService(context: BuildContext<PrometheusConfig>): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: PART.thanosSidecar,
      namespace: context.namespace,
      labels: standardLabels(context.name, PART.thanosSidecar),
      annotations: operatedCompanions(context, PART.prometheus, [], []).service.metadata!.annotations!,
    },
    spec: {
      clusterIP: 'None',
      selector: selectorLabels(context.name, PART.prometheus),
      ports: [{ name: 'grpc', port: 10901, targetPort: 'grpc', protocol: 'TCP' }],
    },
  };
}

/**
 * Every namespace admits scrapes only from `settings.metricsScraperNamespaces` (its `allow-metrics-scraping`
 * NetworkPolicy); a Prometheus outside them would find every target of the environment unreachable.
 */
function requireScraperNamespace(context: BuildContext<PrometheusConfig>): void {
  const scrapers = context.environment.settings.metricsScraperNamespaces;
  if (scrapers.includes(context.namespace)) return;
  throw new PlatformError({
    path: 'namespace',
    message: `Prometheus scrapes every namespace, which admit scrapes only from settings.metricsScraperNamespaces (${JSON.stringify(scrapers)}): add "${context.namespace}" to it`,
  });
}

/** Prometheus with its Service (`web`, and the sidecar's `http` for its metrics), PDB and ServiceMonitor. */
export function prometheusServer(context: BuildContext<PrometheusConfig>) {
  requireScraperNamespace(context);
  const sidecar = prometheusSidecar(context);
  const ports = [
    { name: 'web', port: PORTS.prometheus, targetPort: 'web', protocol: 'TCP' as const },
    ...(sidecar ? [{ name: 'sidecar-http', port: 10902, targetPort: 'http', protocol: 'TCP' as const }] : []),
  ];
  const companions = operatedCompanions(
    context,
    PART.prometheus,
    ports,
    ports.map((p) => p.name),
  );
  return {
    prometheus_prometheus: prometheusResource(context, sidecar),
    prometheus_service: companions.service,
    prometheus_pdb: companions.pdb,
    ...(companions.serviceMonitor ? { prometheus_servicemonitor: companions.serviceMonitor } : {}),
    ...(sidecar ? { thanos_sidecar_service: sidecarService(context) } : {}),
  };
}
