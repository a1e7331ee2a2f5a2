import { type PostgresEndpoint, type ResolvedSettings, serviceHost } from '@platform/core';
import {
  CREDENTIAL_KEYS,
  generatedAppSecret,
  POSTGRES_PORT,
  poolerName,
  poolerPods,
  primaryPods,
  serverCaSecret,
  serviceNames,
  storedOwnerSecret,
} from './names.js';
import type { PostgresConfig } from './postgres-config.js';

/** Where a cluster lives: its name, the component that renders it and their namespace. */
export interface ClusterPlacement {
  /** Cluster name (the `Cluster` object's name). */
  cluster: string;
  /** Component rendering the cluster (what NetworkPolicies name). */
  component: string;
  /** Namespace of the cluster and its Secrets. */
  namespace: string;
  settings: Pick<ResolvedSettings, 'clusterDomain'>;
}

/** The Secret holding the owner's credentials: ours from the store, or the one the operator generates. */
function ownerSecret(cluster: string, config: PostgresConfig): string {
  return config.owner.password ? storedOwnerSecret(cluster) : generatedAppSecret(cluster);
}

/**
 * What consumers of a cluster read: the read-write host (the pooler's Service when there is one, the `-rw` Service
 * otherwise) with the pods behind it, the read-only host when there are replicas, the database and owner, the
 * credentials Secret and keys the Cluster actually uses, and the CA that signs the server certificate. Pure: no
 * peers, so a library's `provides` can publish it. Through the pooler TLS is `require`: PgBouncer presents the
 * cluster's server certificate, whose names are the instance Services', not the pooler's.
 */
export function postgresEndpoint(placement: ClusterPlacement, config: PostgresConfig): PostgresEndpoint {
  const { cluster, component, namespace, settings } = placement;
  const services = serviceNames(cluster);
  const pooled = config.pooler.enabled;
  const writeService = pooled ? poolerName(cluster) : services.readWrite;
  const replicas = config.instances > 1;
  const tlsMode = pooled ? 'require' : config.clientTls;
  return {
    component,
    namespace,
    host: serviceHost(writeService, namespace, settings),
    ...(replicas ? { readOnlyHost: serviceHost(services.readOnly, namespace, settings) } : {}),
    port: POSTGRES_PORT,
    database: config.database,
    user: config.owner.name,
    credentials: {
      secret: ownerSecret(cluster, config),
      usernameKey: CREDENTIAL_KEYS.username,
      passwordKey: CREDENTIAL_KEYS.password,
    },
    tls: {
      mode: tlsMode,
      ...(tlsMode === 'verify-full' ? { caSecret: { name: serverCaSecret(cluster), key: 'ca.crt' } } : {}),
    },
    // Core's PostgresEndpoint publishes pods for `host` only; `readOnlyHost` clients need a core change (README).
    pods: { host: pooled ? poolerPods(poolerName(cluster)) : primaryPods(cluster) },
  };
}
