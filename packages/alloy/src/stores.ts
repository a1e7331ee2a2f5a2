import { type BuildContext, type StoreCapability, type TelemetryStores, telemetryStores } from '@platform/core';
import type { AlloyConfig } from './config.js';

const WHY: Record<StoreCapability, string> = {
  metricsStore: "Alloy remote-writes the cluster's metrics to it",
  logsStore: "Alloy pushes the cluster's logs to it",
  tracesStore: 'Alloy forwards the OTLP traces it receives to it',
};

/**
 * Every store present, after checking that the required ones exist: a missing required store is a render
 * error that names the capability and says how to make it optional.
 */
export function resolveStores(context: BuildContext<AlloyConfig>): TelemetryStores {
  return telemetryStores(context, context.config.require, WHY);
}
