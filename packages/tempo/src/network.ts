import {
  addressPort,
  type BuildContext,
  type EgressRule,
  egressToEndpoints,
  endpointTarget,
  type MetricsStore,
  type NetworkAccess,
  selectorLabels,
} from '@platform/core';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES, tracesStore } from './endpoints.js';

/** The metrics store the metrics-generator writes to; required when the generator is enabled. */
export function generatorTarget(context: BuildContext<TempoConfig>): MetricsStore | undefined {
  if (!context.config.metricsGenerator.enabled) return undefined;
  return context.peers.require(
    'metricsStore',
    'the Tempo metrics-generator remote-writes span metrics and service graphs to it',
  );
}

/** The pods that run the metrics-generator: its own workload, or the monolithic pod. */
function generatorPods(context: BuildContext<TempoConfig>): Record<string, string> {
  return selectorLabels(
    context.name,
    context.config.mode === 'monolithic' ? SERVICE_NAMES.monolithic : SERVICE_NAMES.metricsGenerator,
  );
}

/**
 * Cross-namespace traffic: OTLP from trace shippers to the distributors, queries from Grafana to the
 * query-frontends (each admitted on the pods and ports of the addresses the trace store publishes, which the
 * clients' egress rules open), and egress to object storage, the Kafka broker and, from the metrics-generator
 * pods only, the metrics store's remote-write pods.
 */
export function tempoNetwork(context: BuildContext<TempoConfig>): NetworkAccess {
  const { config } = context;
  const store = tracesStore(context);
  const egress: EgressRule[] = [{ name: 'object-storage', to: 'objectStorage' }];
  if (config.mode === 'microservices' && config.kafka.address) {
    const port = Number(config.kafka.address.slice(config.kafka.address.lastIndexOf(':') + 1));
    egress.push({
      name: 'kafka',
      to: config.kafka.component ? [{ component: config.kafka.component }] : 'any',
      ports: [port],
    });
  }
  const metrics = generatorTarget(context);
  if (metrics) egress.push(...egressToEndpoints([endpointTarget(metrics, 'remoteWriteUrl')], generatorPods(context)));
  return {
    ingress: [
      {
        name: 'otlp',
        from: config.network.otlpFrom.map((component) => ({ component })),
        ports: [addressPort(store.otlpGrpcAddress), addressPort(store.otlpHttpUrl)],
        // Both OTLP addresses name the same ingest Service.
        podLabels: store.pods.otlpGrpcAddress,
      },
      {
        name: 'query',
        from: config.network.queryFrom.map((component) => ({ component })),
        ports: [addressPort(store.queryUrl)],
        podLabels: store.pods.queryUrl,
      },
    ],
    egress,
  };
}
