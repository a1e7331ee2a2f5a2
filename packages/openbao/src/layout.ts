import { type ComponentContext, selectorLabels, serviceHost } from '@platform/core';

/** The StatefulSet (and the prefix of its pods' names: `openbao-0` ...). */
export const SERVER = 'openbao';
/** Headless Service of the pods, with not-ready addresses: the Raft peers find each other through it. */
export const INTERNAL_SERVICE = 'openbao-internal';
/** ClusterIP Service clients use; standbys forward requests to the active node. */
export const API_SERVICE = 'openbao';
/** ServiceAccount of the server pods (TokenReviews for the Kubernetes auth method, service registration). */
export const SERVER_SERVICE_ACCOUNT = 'openbao';
/** Secret cert-manager writes the listener's key pair and CA into. */
export const TLS_SECRET = 'openbao-tls';
/** ConfigMaps of the server configuration and of the bootstrap requests. */
export const CONFIG_MAP = 'openbao-config';
export const BOOTSTRAP_CONFIG_MAP = 'openbao-bootstrap';

/** Ports: the API listener and the cluster (request forwarding, Raft) listener. */
export const API_PORT = 8200;
export const CLUSTER_PORT = 8201;

/** Where the pods mount what they read. */
export const PATHS = {
  config: '/openbao/config',
  tls: '/openbao/tls',
  data: '/openbao/data',
  audit: '/openbao/audit',
  seal: '/openbao/seal',
  bootstrap: '/openbao/bootstrap',
} as const;

/** The main configuration file; `self-init.json` sits beside the bootstrap requests. */
export const CONFIG_FILE = `${PATHS.config}/openbao.json`;
export const SELF_INIT_FILE = `${PATHS.bootstrap}/self-init.json`;
/** The CA that signed the listener's certificate (cert-manager's `ca.crt`). */
export const CA_FILE = `${PATHS.tls}/ca.crt`;

/** The labels selecting the server pods. */
export function serverPods(context: Pick<ComponentContext<unknown>, 'name'>): Record<string, string> {
  return selectorLabels(context.name, SERVER);
}

/** In-cluster DNS name of one pod, through the headless Service: `openbao-0.openbao-internal.openbao.svc.cluster.local`. */
export function podHost(
  context: Pick<ComponentContext<unknown>, 'namespace' | 'environment'>,
  ordinal: number,
): string {
  return `${SERVER}-${ordinal}.${serviceHost(INTERNAL_SERVICE, context.namespace, context.environment.settings)}`;
}

/** The API address clients use: `https://openbao.<namespace>.svc.<domain>:8200`. */
export function apiAddress(context: Pick<ComponentContext<unknown>, 'namespace' | 'environment'>): string {
  return `https://${serviceHost(API_SERVICE, context.namespace, context.environment.settings)}:${API_PORT}`;
}
