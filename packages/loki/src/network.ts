import { selectorLabels, type BuildContext, type EgressRule, type NetworkAccess } from '@platform/core';
import type { LokiConfig } from './config.js';
import { HTTP_PORT, lokiAddresses } from './endpoints.js';

/** Whether a ruler runs: always in the simple-scalable backend, optionally in microservices. */
export function rulerRuns(config: LokiConfig): boolean {
  return config.mode === 'simple-scalable' || config.ruler.enabled;
}

/** The Alertmanager the ruler notifies, if the environment's metrics store runs one. */
export function alertmanagerOf(context: BuildContext<LokiConfig>): { url: string; component: string; port: number } | undefined {
  if (!rulerRuns(context.config)) return undefined;
  const store = context.peers.all('metricsStore').find((s) => s.alertmanagerUrl);
  if (!store?.alertmanagerUrl) return undefined;
  const url = new URL(store.alertmanagerUrl);
  return { url: store.alertmanagerUrl, component: store.component, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
}

/**
 * Cross-namespace traffic: log shippers push to the write path, Grafana queries the read path, Loki reaches
 * object storage and (for ruler alerts) the Alertmanager. Traffic between Loki's own pods stays in the namespace.
 */
export function lokiNetwork(context: BuildContext<LokiConfig>): NetworkAccess {
  const { network } = context.config;
  const addresses = lokiAddresses(context);
  const alertmanager = alertmanagerOf(context);
  const egress: EgressRule[] = [{ name: 'object-storage', to: 'objectStorage' }];
  if (alertmanager) egress.push({ name: 'alertmanager', to: [{ component: alertmanager.component }], ports: [alertmanager.port] });
  return {
    ingress: [
      { name: 'push', from: network.pushFrom.map((component) => ({ component })), ports: [HTTP_PORT], podLabels: selectorLabels(context.name, addresses.pushService) },
      { name: 'query', from: network.queryFrom.map((component) => ({ component })), ports: [HTTP_PORT], podLabels: selectorLabels(context.name, addresses.queryService) },
    ],
    egress,
  };
}
