import { selectorLabels, type BuildContext, type EgressRule, type MetricsStore, type NetworkAccess } from '@platform/core';
import type { TempoConfig } from './config.js';
import { HTTP_PORT, OTLP_GRPC_PORT, OTLP_HTTP_PORT, tempoAddresses } from './endpoints.js';

function portOf(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}

/** The metrics store the metrics-generator writes to; required when the generator is enabled. */
export function generatorTarget(context: BuildContext<TempoConfig>): MetricsStore | undefined {
  if (!context.config.metricsGenerator.enabled) return undefined;
  return context.peers.require('metricsStore', 'the Tempo metrics-generator remote-writes span metrics and service graphs to it');
}

/**
 * Cross-namespace traffic: OTLP from trace shippers to the distributors, queries from Grafana to the
 * query-frontends, and egress to object storage, the Kafka broker and (for the metrics-generator) the metrics store.
 */
export function tempoNetwork(context: BuildContext<TempoConfig>): NetworkAccess {
  const { config } = context;
  const addresses = tempoAddresses(context);
  const egress: EgressRule[] = [{ name: 'object-storage', to: 'objectStorage' }];
  if (config.mode === 'microservices' && config.kafka.address) {
    const port = Number(config.kafka.address.slice(config.kafka.address.lastIndexOf(':') + 1));
    egress.push({ name: 'kafka', to: config.kafka.component ? [{ component: config.kafka.component }] : 'any', ports: [port] });
  }
  const store = generatorTarget(context);
  if (store) egress.push({ name: 'metrics-store', to: [{ component: store.component }], ports: [portOf(new URL(store.remoteWriteUrl))] });
  return {
    ingress: [
      { name: 'otlp', from: config.network.otlpFrom.map((component) => ({ component })), ports: [OTLP_GRPC_PORT, OTLP_HTTP_PORT], podLabels: selectorLabels(context.name, addresses.ingestService) },
      { name: 'query', from: config.network.queryFrom.map((component) => ({ component })), ports: [HTTP_PORT], podLabels: selectorLabels(context.name, addresses.queryService) },
    ],
    egress,
  };
}
