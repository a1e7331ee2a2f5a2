import type { LogsStore, MetricsStore, TracesStore } from './capabilities.js';
import type { BuildContext } from './definition.js';

/** The capabilities of the environment's telemetry stores. */
export type StoreCapability = 'metricsStore' | 'logsStore' | 'tracesStore';

/** The telemetry stores of an environment, each kind in component order. */
export interface TelemetryStores {
  metrics: MetricsStore[];
  logs: LogsStore[];
  traces: TracesStore[];
}

/**
 * Every store the environment's components provide, after checking that the `required` ones exist: a missing
 * one is a render error that says what the component needs it for (`why`) and how to run without it (remove it
 * from the component's `require` setting).
 */
export function telemetryStores(
  context: Pick<BuildContext<unknown>, 'name' | 'peers'>,
  required: readonly StoreCapability[],
  why: Record<StoreCapability, string>,
): TelemetryStores {
  for (const capability of required) {
    context.peers.require(
      capability,
      `${why[capability]}; to run without one, remove "${capability}" from ${context.name}'s require`,
    );
  }
  return {
    metrics: context.peers.all('metricsStore'),
    logs: context.peers.all('logsStore'),
    traces: context.peers.all('tracesStore'),
  };
}
