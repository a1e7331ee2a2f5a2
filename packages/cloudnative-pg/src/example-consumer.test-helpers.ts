/**
 * A consumer of the `postgres` capability written the way @platform/grafana will: its configuration names the
 * database component, and everything else (host, port, database, user, credentials Secret and keys, CA, the
 * egress rule, the order) is derived from the endpoint that component publishes.
 */
import {
  configMap,
  defineComponent,
  deployment,
  type EndpointTarget,
  egressToEndpoints,
  namedWorkloadObjects,
  type Peers,
  PlatformError,
  type PostgresEndpoint,
} from '@platform/core';

/** The directory the consumer mounts the database CA in (only `ca.crt`: the operator's Secret also holds the CA key). */
const CA_DIR = '/etc/grafana/database-ca';

/** The endpoint of `database`, or a render error naming it. The error Grafana's library should raise. */
function requirePostgres(
  peers: Peers,
  database: string,
  consumer: { name: string; namespace: string },
): PostgresEndpoint {
  const endpoint = peers.all('postgres').find((candidate) => candidate.component === database);
  if (!endpoint) {
    throw new PlatformError({
      path: 'database.postgres',
      message: `needs the PostgreSQL database "${database}" (a component providing "postgres", e.g. postgresCluster().named('${database}') of @platform/cloudnative-pg), and the environment has none`,
    });
  }
  if (endpoint.namespace !== consumer.namespace) {
    throw new PlatformError({
      path: 'database.postgres',
      message: `database "${database}" runs in namespace "${endpoint.namespace}", but ${consumer.name} in "${consumer.namespace}" can read its credentials Secret "${endpoint.credentials.secret}" only in its own namespace; deploy the database with .inNamespace('${consumer.namespace}') and ${consumer.name} with .inNamespace('${consumer.namespace}', { create: false })`,
    });
  }
  return endpoint;
}

/**
 * The endpoint's read-write address as an egress target. Core's `endpointTarget` wants the port inside the
 * address, and a PostgresEndpoint carries it apart (`host`, `port`), so the target is built from the same fields.
 */
function postgresTarget(endpoint: PostgresEndpoint): EndpointTarget {
  return {
    component: endpoint.component,
    service: endpoint.host.split('.')[0]!,
    podLabels: endpoint.pods.host,
    port: endpoint.port,
  };
}

/**
 * grafana.ini's `[database]` for a PostgreSQL endpoint. `host` and `port` are separate keys: Grafana versions
 * that read `host` + ":" + `port` and those that split `host` with a default port both connect.
 */
function databaseIni(endpoint: PostgresEndpoint): string {
  const host = endpoint.host;
  return [
    '[database]',
    'type = postgres',
    `host = ${host}`,
    `port = ${endpoint.port}`,
    `name = ${endpoint.database}`,
    `ssl_mode = ${endpoint.tls.mode}`,
    ...(endpoint.tls.caSecret
      ? [`ca_cert_path = ${CA_DIR}/${endpoint.tls.caSecret.key}`, `server_cert_name = ${host}`]
      : []),
    '',
  ].join('\n');
}

export const dbConsumer = defineComponent({
  name: 'grafana',
  tier: 'platform',
  defaults: { database: { postgres: 'grafana-db' } },
  dependsOn: ({ config }) => [config.database.postgres],
  build: (context) => {
    const endpoint = requirePostgres(context.peers, context.config.database.postgres, context);
    const { credentials, tls } = endpoint;
    const secretEnv = (name: string, key: string) => ({
      name,
      valueFrom: { secretKeyRef: { name: credentials.secret, key } },
    });
    return {
      config_configmap: configMap(context, 'grafana-config', 'config', { 'grafana.ini': databaseIni(endpoint) }),
      ...namedWorkloadObjects(
        'grafana',
        'deployment',
        deployment(context, {
          name: 'grafana',
          replicas: 2,
          runAs: 472,
          containers: [
            {
              name: 'grafana',
              image: 'grafana/grafana:13.2.0',
              ports: [{ name: 'http', containerPort: 3000 }],
              env: [
                secretEnv('GF_DATABASE_USER', credentials.usernameKey),
                secretEnv('GF_DATABASE_PASSWORD', credentials.passwordKey),
              ],
              readinessProbe: { httpGet: { path: '/api/health', port: 'http' } },
              livenessProbe: { httpGet: { path: '/api/health', port: 'http' }, initialDelaySeconds: 60 },
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } },
              volumeMounts: [
                { name: 'config', mountPath: '/etc/grafana/grafana.ini', subPath: 'grafana.ini', readOnly: true },
                ...(tls.caSecret ? [{ name: 'database-ca', mountPath: CA_DIR, readOnly: true }] : []),
              ],
            },
          ],
          volumes: [
            { name: 'config', configMap: { name: 'grafana-config' } },
            ...(tls.caSecret
              ? [
                  {
                    name: 'database-ca',
                    secret: {
                      secretName: tls.caSecret.name,
                      items: [{ key: tls.caSecret.key, path: tls.caSecret.key }],
                    },
                  },
                ]
              : []),
          ],
          service: { ports: ['http'] },
          serviceMonitor: false,
        }),
      ),
    };
  },
  network: (context) => ({
    egress: egressToEndpoints([
      postgresTarget(requirePostgres(context.peers, context.config.database.postgres, context)),
    ]),
  }),
});
