import { type ComponentContext, type RedisEndpoint, selectorLabels, serviceHost } from '@platform/core';
import type { ValkeyConfig } from './config.js';
import { names, PASSWORD_KEY, SENTINEL_PORT, VALKEY_PORT } from './layout.js';

/**
 * What consumers read (`redis`): the client Service's address (Sentinel's port in sentinel mode, with the primary
 * set's name; any node in cluster mode), the password Secret and key, and the CA when TLS is on. Every address
 * leads to the StatefulSet's pods: the primary Sentinel names, and the nodes a cluster redirects to, are those
 * pods on port 6379, so a consumer's egress opens the same pods on both ports.
 */
export function redisEndpoint({ name, namespace, config, environment }: ComponentContext<ValkeyConfig>): RedisEndpoint {
  const n = names(name);
  const port = config.mode === 'sentinel' ? SENTINEL_PORT : VALKEY_PORT;
  return {
    component: name,
    namespace,
    address: `${serviceHost(n.client, namespace, environment.settings)}:${port}`,
    mode: config.mode,
    ...(config.mode === 'sentinel' ? { sentinelMaster: config.sentinel.primarySet } : {}),
    ...(config.auth.enabled ? { password: { name: n.auth, key: PASSWORD_KEY } } : {}),
    ...(config.tls.enabled ? { tls: { caSecret: { name: n.tls, key: 'ca.crt' } } } : {}),
    pods: { address: selectorLabels(name, n.workload) },
  };
}
