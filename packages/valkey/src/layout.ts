import { type ResolvedSettings, serviceHost } from '@platform/core';

/** Valkey's client port (`port`, or `tls-port` with TLS). */
export const VALKEY_PORT = 6379;
/** Sentinel's port. */
export const SENTINEL_PORT = 26379;
/** Valkey Cluster's bus port: the client port + 10000, fixed by Valkey (`cluster-port` 0 means that). */
export const BUS_PORT = 16379;
/** The exporter's port (redis_exporter's default `web.listen-address` `:9121`). */
export const EXPORTER_PORT = 9121;

/** The uid and gid of the `valkey` user of the official image (valkey-container Dockerfile.template). */
export const VALKEY_UID = 999;
/** The uid of the exporter image (redis_exporter Dockerfile `USER 59000:59000`). */
export const EXPORTER_UID = 59000;

/** Where the pods keep what they use. */
export const PATHS = {
  /** The claim: data, AOF, RDB and Valkey Cluster's nodes.conf. */
  data: '/data',
  /** The rendered base configuration and the start scripts. */
  config: '/etc/valkey',
  /** Configuration generated at start (passwords, announced hostnames); Sentinel rewrites its file here. */
  run: '/run/valkey',
  /** Certificate, key and CA from cert-manager. */
  tls: '/tls',
} as const;

/** Names of a deployment's objects, derived from the component's instance name so two can share a namespace. */
export function names(component: string) {
  return {
    /** The StatefulSet and its pods' name prefix. */
    workload: component,
    /** Headless Service giving every pod a DNS name before it is ready (replication, Sentinel, cluster bus). */
    headless: `${component}-headless`,
    /** The Service clients connect to: Sentinel in sentinel mode, any node in cluster mode. */
    client: component,
    config: `${component}-config`,
    /** The Secret with the password, from the store. */
    auth: `${component}-auth`,
    tls: `${component}-tls`,
    clusterInit: `${component}-cluster-init`,
  };
}

/** The key of the password in the auth Secret. */
export const PASSWORD_KEY = 'password';

/** `<pod>.<headless>.<namespace>.svc.<domain>` without the pod: what pods append to their name to announce themselves. */
export function podDomain(component: string, namespace: string, settings: Pick<ResolvedSettings, 'clusterDomain'>) {
  return serviceHost(names(component).headless, namespace, settings);
}
