import type { ValkeyConfig } from './config.js';
import { PATHS, SENTINEL_PORT, VALKEY_PORT } from './layout.js';

/** What the scripts need to know of the deployment. */
export interface ScriptContext {
  config: ValkeyConfig;
  /** StatefulSet name: pods are `<workload>-<n>`. */
  workload: string;
  /** `<headless>.<namespace>.svc.<domain>`, appended to a pod name for its DNS name. */
  domain: string;
}

/**
 * Shared shell: the password escaped for a `"..."` configuration value (valkey parses `\"` and `\\` there),
 * valkey-cli's TLS arguments, and the pod's own DNS name. valkey-cli reads the password from `REDISCLI_AUTH`,
 * so it never appears on a command line.
 */
function prelude({ config, domain }: ScriptContext, { pod = true, writesConfig = true } = {}): string[] {
  return [
    '#!/bin/sh',
    'set -eu',
    ...(pod ? [`me="$POD_NAME.${domain}"`] : []),
    `cli_tls="${config.tls.enabled ? `--tls --cacert ${PATHS.tls}/ca.crt` : ''}"`,
    ...(config.auth.enabled && writesConfig
      ? [`password=$(printf '%s' "$VALKEY_PASSWORD" | sed 's/\\\\/\\\\\\\\/g; s/"/\\\\"/g')`]
      : []),
  ];
}

/**
 * The current primary, as the first Sentinel that answers knows it; `<workload>-0` when none does (the first
 * start, when every pod boots at once and agrees on pod 0).
 */
function findPrimary({ config, workload, domain }: ScriptContext): string[] {
  return [
    'find_primary() {',
    `  for i in $(seq 0 ${config.replicas - 1}); do`,
    `    peer="${workload}-$i.${domain}"`,
    '    [ "$peer" = "$me" ] && continue',
    `    found=$(valkey-cli $cli_tls -h "$peer" -p ${SENTINEL_PORT} sentinel get-primary-addr-by-name ${config.sentinel.primarySet} 2>/dev/null | head -n 1 || true)`,
    '    if [ -n "$found" ]; then echo "$found"; return; fi',
    '  done',
    `  echo "${workload}-0.${domain}"`,
    '}',
  ];
}

/**
 * start-valkey.sh: writes the per-pod configuration (the password, the announced hostname, and in sentinel mode
 * `replicaof` the primary unless this pod is it) over the rendered base, then runs valkey-server.
 */
export function startValkey(context: ScriptContext): string {
  const { config } = context;
  const conf = `${PATHS.run}/valkey.conf`;
  const lines = [
    ...prelude(context),
    ...(config.mode === 'sentinel' ? findPrimary(context) : []),
    `umask 077`,
    `echo "include ${PATHS.config}/valkey.conf" > ${conf}`,
    ...(config.auth.enabled
      ? [`printf 'requirepass "%s"\\n' "$password" >> ${conf}`, `printf 'primaryauth "%s"\\n' "$password" >> ${conf}`]
      : []),
    ...(config.mode === 'cluster'
      ? [`echo "cluster-announce-hostname $me" >> ${conf}`]
      : [
          `echo "replica-announce-ip $me" >> ${conf}`,
          'primary=$(find_primary)',
          `if [ "$primary" != "$me" ]; then echo "replicaof $primary ${VALKEY_PORT}" >> ${conf}; fi`,
        ]),
    `exec valkey-server ${conf}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * start-sentinel.sh: writes sentinel.conf (Sentinel rewrites it, so it lives in the run directory) with the
 * monitored primary as the other Sentinels know it, the password for Valkey and for the Sentinels themselves,
 * and the failover timing, then runs valkey-sentinel.
 */
export function startSentinel(context: ScriptContext): string {
  const { config } = context;
  const conf = `${PATHS.run}/sentinel.conf`;
  const set = config.sentinel.primarySet;
  const lines = [
    ...prelude(context),
    ...findPrimary(context),
    'umask 077',
    `cat ${PATHS.config}/sentinel.conf > ${conf}`,
    `echo "sentinel announce-ip $me" >> ${conf}`,
    ...(config.auth.enabled
      ? [
          `printf 'requirepass "%s"\\n' "$password" >> ${conf}`,
          `printf 'sentinel sentinel-pass "%s"\\n' "$password" >> ${conf}`,
        ]
      : []),
    `echo "sentinel monitor ${set} $(find_primary) ${VALKEY_PORT} ${config.sentinel.quorum}" >> ${conf}`,
    ...(config.auth.enabled ? [`printf 'sentinel auth-pass ${set} "%s"\\n' "$password" >> ${conf}`] : []),
    `echo "sentinel down-after-milliseconds ${set} ${config.sentinel.downAfterMilliseconds}" >> ${conf}`,
    `echo "sentinel failover-timeout ${set} ${config.sentinel.failoverTimeoutMilliseconds}" >> ${conf}`,
    `echo "sentinel parallel-syncs ${set} 1" >> ${conf}`,
    `exec valkey-sentinel ${conf}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * cluster-init.sh (cluster mode, a Job): waits for every node, then creates the cluster once. A node that
 * already knows others means the cluster exists, so re-running it changes nothing. `--cluster create` is given
 * IP addresses (CLUSTER MEET takes addresses); the nodes then announce their hostnames.
 */
export function clusterInit(context: ScriptContext): string {
  const { config, workload, domain } = context;
  const lines = [
    ...prelude(context, { pod: false, writesConfig: false }),
    'nodes=""',
    `for i in $(seq 0 ${config.replicas - 1}); do`,
    `  host="${workload}-$i.${domain}"`,
    `  until valkey-cli $cli_tls -h "$host" -p ${VALKEY_PORT} ping 2>/dev/null | grep -q PONG; do echo "waiting for $host"; sleep 5; done`,
    '  nodes="$nodes $(getent hosts "$host" | cut -d " " -f 1):' + VALKEY_PORT + '"',
    'done',
    `known=$(valkey-cli $cli_tls -h "${workload}-0.${domain}" -p ${VALKEY_PORT} cluster info | tr -d '\\r' | sed -n 's/^cluster_known_nodes://p')`,
    'if [ "${known:-1}" -gt 1 ]; then echo "the cluster exists ($known nodes)"; exit 0; fi',
    `valkey-cli $cli_tls --cluster create $nodes --cluster-replicas ${config.clusterReplicas} --cluster-yes`,
  ];
  return `${lines.join('\n')}\n`;
}
