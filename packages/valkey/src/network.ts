import { type BuildContext, type NetworkAccess, selectorLabels } from '@platform/core';
import type { ValkeyConfig } from './config.js';
import { names, SENTINEL_PORT, VALKEY_PORT } from './layout.js';

/**
 * Valkey needs nothing outside its namespace: replication, Sentinel and the cluster bus run between its own
 * pods, and the exporter scrapes locally. Its clients are admitted on the pods, on Valkey's port and in sentinel
 * mode Sentinel's.
 */
export function networkAccess({ config, name }: BuildContext<ValkeyConfig>): NetworkAccess {
  if (config.clients.length === 0) return {};
  return {
    ingress: [
      {
        name: `${name}-clients`,
        from: config.clients.map((component) => ({ component })),
        ports: config.mode === 'sentinel' ? [VALKEY_PORT, SENTINEL_PORT] : [VALKEY_PORT],
        podLabels: selectorLabels(name, names(name).workload),
      },
    ],
  };
}
