import { type BuildContext, type IService, selectorLabels, standardLabels } from '@platform/core';
import type { ValkeyConfig } from './config.js';
import { names, SENTINEL_PORT, VALKEY_PORT } from './layout.js';

/**
 * The Service clients start from: the Sentinels in sentinel mode (clients then connect to the primary they name,
 * by its pod DNS name), any node in cluster mode (clients then follow the redirections to each node's hostname).
 * It carries no selector labels, so the ServiceMonitor (which scrapes through the headless Service) does not
 * pick it up.
 */
export function clientService(context: BuildContext<ValkeyConfig>): IService {
  const { config, name, namespace } = context;
  const n = names(name);
  const port =
    config.mode === 'sentinel'
      ? { name: 'sentinel', port: SENTINEL_PORT, targetPort: 'sentinel' }
      : { name: 'valkey', port: VALKEY_PORT, targetPort: 'valkey' };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: n.client, namespace, labels: standardLabels(name, 'client') },
    spec: { selector: selectorLabels(name, n.workload), ports: [{ ...port, protocol: 'TCP' }] },
  };
}
