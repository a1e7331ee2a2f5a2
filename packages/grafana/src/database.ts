import {
  type BuildContext,
  type EgressRule,
  egressToEndpoints,
  endpointTarget,
  PlatformError,
  type PostgresEndpoint,
} from '@platform/core';
import type { GrafanaConfig, SecretKeyRef } from './config.js';

/** Where the database CA is mounted (only the CA certificate: CloudNativePG's CA Secret also holds its key). */
export const DATABASE_CA_DIR = '/etc/grafana/database-ca';

const DEFAULT_PORTS = { postgres: 5432, mysql: 3306 } as const;

/** Grafana's database as the pod uses it, however it was configured. */
export type GrafanaDatabase =
  | { type: 'sqlite3' }
  | {
      type: 'postgres' | 'mysql';
      /** `host:port`, as grafana.ini's `[database] host` takes it. */
      address: string;
      name: string;
      user: string;
      /** The user name from a Secret, when the database's credentials Secret holds it (overrides `user`). */
      userSecret?: SecretKeyRef;
      /** The password, from a Secret in Grafana's namespace. */
      password?: SecretKeyRef;
      sslMode: string;
      /** The CA that signs the server's certificate, from a Secret, with the name the certificate carries. */
      ca?: { secret: SecretKeyRef; serverName: string };
      /** The component providing the database, when it is in the environment. */
      component?: string;
      egress: EgressRule[];
    };

/** The `postgres` endpoint `database.postgres` names, in Grafana's namespace (where its credentials are). */
function environmentPostgres({ config, peers, name, namespace }: BuildContext<GrafanaConfig>): PostgresEndpoint {
  const endpoint = peers.choose('postgres', {
    component: config.database.postgres,
    path: 'database.postgres',
    why: "Grafana's database",
  });
  if (endpoint.namespace !== namespace) {
    throw new PlatformError({
      path: 'database.postgres',
      message: `database "${endpoint.component}" runs in namespace "${endpoint.namespace}", but ${name} runs in "${namespace}" and can read the credentials Secret "${endpoint.credentials.secret}" only in its own namespace; deploy the database with .inNamespace('${namespace}')`,
    });
  }
  return endpoint;
}

/**
 * Grafana's database: sqlite on the data volume, a database of the environment (`database.postgres`: host,
 * database, owner, credentials Secret, CA, egress to its pods and the sync order all come from the endpoint it
 * provides), or an external one by `host:port` (egress to any address on its port).
 */
export function grafanaDatabase(context: BuildContext<GrafanaConfig>): GrafanaDatabase {
  const { database } = context.config;
  if (database.type === 'sqlite3') return { type: 'sqlite3' };
  if (database.postgres !== undefined) {
    const endpoint = environmentPostgres(context);
    return {
      type: 'postgres',
      address: `${endpoint.host}:${endpoint.port}`,
      name: endpoint.database,
      user: endpoint.user,
      userSecret: { name: endpoint.credentials.secret, key: endpoint.credentials.usernameKey },
      password: { name: endpoint.credentials.secret, key: endpoint.credentials.passwordKey },
      sslMode: endpoint.tls.mode,
      ...(endpoint.tls.caSecret ? { ca: { secret: endpoint.tls.caSecret, serverName: endpoint.host } } : {}),
      component: endpoint.component,
      egress: egressToEndpoints([endpointTarget(endpoint, 'host')]),
    };
  }
  const port = /:(\d+)$/.exec(database.host);
  return {
    type: database.type,
    address: database.host,
    name: database.name,
    user: database.user,
    ...(database.passwordSecret ? { password: database.passwordSecret } : {}),
    sslMode: database.sslMode,
    egress: [{ name: 'database', to: 'any', ports: [port ? Number(port[1]) : DEFAULT_PORTS[database.type]] }],
  };
}
