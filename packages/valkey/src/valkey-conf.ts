import { parseQuantity } from '@platform/core';
import type { ValkeyConfig } from './config.js';
import { PATHS, SENTINEL_PORT, VALKEY_PORT } from './layout.js';

/** Share of the container's memory limit Valkey may fill (`maxmemory`), leaving room for buffers, forks and AOF rewrites. */
const MAXMEMORY_SHARE = 0.75;

/** `maxmemory` in bytes: {@link MAXMEMORY_SHARE} of the memory limit, so Valkey evicts or refuses before the kernel kills it. */
function maxMemoryBytes(config: ValkeyConfig): number {
  return Math.floor((parseQuantity(config.resources.limits.memory) ?? 0) * MAXMEMORY_SHARE);
}

/** The TLS directives shared by Valkey and Sentinel: the cert-manager Secret's files, TLS for replication too. */
function tlsLines(config: ValkeyConfig, port: number): string[] {
  if (!config.tls.enabled) return [`port ${port}`];
  return [
    'port 0',
    `tls-port ${port}`,
    `tls-cert-file ${PATHS.tls}/tls.crt`,
    `tls-key-file ${PATHS.tls}/tls.key`,
    `tls-ca-cert-file ${PATHS.tls}/ca.crt`,
    // Clients authenticate with the password; a client certificate is not required of them.
    'tls-auth-clients no',
    'tls-replication yes',
    ...(config.mode === 'cluster' ? ['tls-cluster yes'] : []),
  ];
}

/**
 * The static part of `valkey.conf` (directives of valkey.conf as shipped with Valkey): listen on every interface
 * (NetworkPolicies decide who reaches it), data in the claim, AOF and RDB as configured, memory bounded below the
 * container limit, and Valkey Cluster announcing hostnames. What must not be rendered (the password) or differs
 * per pod (announced hostname, `replicaof`) is added at start by `start-valkey.sh`, which includes this file.
 */
export function valkeyConf(config: ValkeyConfig): string {
  const { persistence } = config;
  const lines = [
    'bind * -::*',
    // Access is guarded by the password and the NetworkPolicies; protected mode would refuse remote clients without auth.
    'protected-mode no',
    ...tlsLines(config, VALKEY_PORT),
    `dir ${PATHS.data}`,
    `appendonly ${persistence.aof ? 'yes' : 'no'}`,
    'appendfsync everysec',
    persistence.rdbSave === '' ? 'save ""' : `save ${persistence.rdbSave}`,
    `maxmemory ${maxMemoryBytes(config)}`,
    `maxmemory-policy ${config.maxMemoryPolicy}`,
    ...(config.mode === 'cluster'
      ? [
          'cluster-enabled yes',
          `cluster-config-file ${PATHS.data}/nodes.conf`,
          'cluster-node-timeout 15000',
          // Clients are redirected to hostnames, which survive a pod's new IP (cluster-preferred-endpoint-type).
          'cluster-preferred-endpoint-type hostname',
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The static part of `sentinel.conf`: port, TLS, hostnames resolved and announced (pods have stable DNS names
 * through the headless Service, not stable IPs). Sentinel rewrites its configuration, so `start-sentinel.sh`
 * writes the whole file into the run directory from this and the per-pod parts.
 */
export function sentinelConf(config: ValkeyConfig): string {
  const lines = [
    ...tlsLines(config, SENTINEL_PORT),
    'dir /tmp',
    'sentinel resolve-hostnames yes',
    'sentinel announce-hostnames yes',
  ];
  return `${lines.join('\n')}\n`;
}
