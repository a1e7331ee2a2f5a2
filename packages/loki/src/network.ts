import {
  type BuildContext,
  type EgressRule,
  egressToEndpoints,
  endpointTarget,
  type IngressRule,
  type MetricsStore,
  type NetworkAccess,
  selectorLabels,
  urlPort,
} from '@platform/core';
import type { LokiConfig } from './config.js';
import { logsStore, SERVICE_NAMES } from './endpoints.js';

/** Whether a ruler runs: always in the simple-scalable backend, optionally in microservices. */
function rulerRuns(config: LokiConfig): boolean {
  return config.mode === 'simple-scalable' || config.ruler.enabled;
}

/** The Alertmanager the ruler notifies, if the environment's metrics store runs one: its URL and the store publishing it. */
export function alertmanagerOf(context: BuildContext<LokiConfig>): { url: string; store: MetricsStore } | undefined {
  if (!rulerRuns(context.config)) return undefined;
  const store = context.peers.all('metricsStore').find((s) => s.alertmanagerUrl);
  if (!store?.alertmanagerUrl) return undefined;
  return { url: store.alertmanagerUrl, store };
}

/** The pods the ruler runs in: the backend target in simple-scalable mode, the ruler workload in microservices. */
function rulerPods(context: BuildContext<LokiConfig>): Record<string, string> {
  return selectorLabels(
    context.name,
    context.config.mode === 'simple-scalable' ? SERVICE_NAMES.backend : SERVICE_NAMES.ruler,
  );
}

/**
 * Cross-namespace traffic: log shippers push to the write path, Grafana queries the read path (each admitted on
 * the pods and port of the address the log store publishes, which the clients' egress rules open), Loki reaches
 * object storage, and the ruler pods reach the Alertmanager pods only. Traffic between Loki's own pods stays in
 * the namespace.
 */
export function lokiNetwork(context: BuildContext<LokiConfig>): NetworkAccess {
  const { network } = context.config;
  const store = logsStore(context);
  const alertmanager = alertmanagerOf(context);
  const admit = (rule: string, clients: string[], url: string, pods: Record<string, string>): IngressRule => ({
    name: rule,
    from: clients.map((component) => ({ component })),
    ports: [urlPort(url)],
    podLabels: pods,
  });
  const egress: EgressRule[] = [
    { name: 'object-storage', to: 'objectStorage' },
    ...(alertmanager
      ? egressToEndpoints([endpointTarget(alertmanager.store, 'alertmanagerUrl')], rulerPods(context))
      : []),
  ];
  return {
    ingress: [
      admit('push', network.pushFrom, store.pushUrl, store.pods.pushUrl),
      admit('query', network.queryFrom, store.queryUrl, store.pods.queryUrl),
    ],
    egress,
  };
}
