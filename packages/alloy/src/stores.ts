import { urlPort } from '@platform/core';
import type { BuildContext, LogsStore, MetricsStore, TracesStore } from '@platform/core';
import type { AlloyConfig, StoreCapability } from './config.js';

/** The stores of the environment Alloy ships to. */
export interface Stores {
  metrics: MetricsStore[];
  logs: LogsStore[];
  traces: TracesStore[];
}

const WHY: Record<StoreCapability, string> = {
  metricsStore: 'Alloy remote-writes the cluster\'s metrics to it',
  logsStore: 'Alloy pushes the cluster\'s logs to it',
  tracesStore: 'Alloy forwards the OTLP traces it receives to it',
};

/**
 * Every store present, after checking that the required ones exist: a missing required store is a render
 * error that names the capability and says how to make it optional.
 */
export function resolveStores(context: BuildContext<AlloyConfig>): Stores {
  for (const capability of context.config.require) {
    context.peers.require(capability, `${WHY[capability]}; to run without one, remove "${capability}" from alloy's require`);
  }
  return {
    metrics: context.peers.all('metricsStore'),
    logs: context.peers.all('logsStore'),
    traces: context.peers.all('tracesStore'),
  };
}

/** The port of a URL, or of a `host:port` address. */
export function portOf(address: string): number {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(address)) {
    return urlPort(address);
  }
  const match = /:(\d+)$/.exec(address);
  if (!match) throw new Error(`address "${address}" has no port`);
  return Number(match[1]);
}
