import { certManager } from '@platform/cert-manager';
import {
  defineComponent,
  type IService,
  type PostgresEndpoint,
  type RedisEndpoint,
  selectorLabels,
  serviceHost,
  standardLabels,
} from '@platform/core';
import { externalSecrets } from '@platform/external-secrets';

function service(component: string, namespace: string, name: string, port: number): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: standardLabels(component, name) },
    spec: {
      selector: selectorLabels(component, name),
      ports: [{ name: 'main', port, targetPort: port, protocol: 'TCP' }],
    },
  };
}

/**
 * A PostgreSQL provider as `@platform/cloudnative-pg` publishes one (read-write Service, credentials Secret with
 * `username`/`password`), rendering the Service and admitting Harbor on its pods, so both sides of the
 * connection can be judged.
 */
export const fakePostgres = defineComponent({
  name: 'harbor-db',
  tier: 'platform',
  defaults: { passwordKey: 'password', tls: 'require' as PostgresEndpoint['tls']['mode'] },
  provides: ({ name, namespace, config, environment }): { postgres: PostgresEndpoint } => ({
    postgres: {
      component: name,
      namespace,
      host: serviceHost(`${name}-rw`, namespace, environment.settings),
      port: 5432,
      database: 'registry',
      user: 'harbor',
      credentials: { secret: `${name}-app`, usernameKey: 'username', passwordKey: config.passwordKey },
      tls: {
        mode: config.tls,
        ...(config.tls === 'verify-full' ? { caSecret: { name: `${name}-ca`, key: 'ca.crt' } } : {}),
      },
      pods: { host: selectorLabels(name, `${name}-rw`) },
    },
  }),
  build: ({ name, namespace }) => ({ rw_service: service(name, namespace, `${name}-rw`, 5432) }),
  network: ({ name }) => ({
    ingress: [
      {
        name: 'clients',
        from: [{ component: 'harbor' }],
        ports: [5432],
        podLabels: selectorLabels(name, `${name}-rw`),
      },
    ],
  }),
});

/** A Valkey provider in standalone or Sentinel mode, with or without a password Secret. */
export const fakeRedis = defineComponent({
  name: 'harbor-cache',
  tier: 'platform',
  defaults: { mode: 'standalone' as RedisEndpoint['mode'], password: false as boolean },
  provides: ({ name, namespace, config, environment }): { redis: RedisEndpoint } => ({
    redis: {
      component: name,
      namespace,
      address: `${serviceHost(name, namespace, environment.settings)}:${config.mode === 'sentinel' ? 26379 : 6379}`,
      mode: config.mode,
      ...(config.mode === 'sentinel' ? { sentinelMaster: 'harbor' } : {}),
      ...(config.password ? { password: { name: `${name}-auth`, key: 'password' } } : {}),
      pods: { address: selectorLabels(name, name) },
    },
  }),
  build: ({ name, namespace, config }) => ({
    main_service: service(name, namespace, name, config.mode === 'sentinel' ? 26379 : 6379),
  }),
  network: ({ name, config }) => ({
    ingress: [
      {
        name: 'clients',
        from: [{ component: 'harbor' }],
        ports: [config.mode === 'sentinel' ? 26379 : 6379],
        podLabels: selectorLabels(name, name),
      },
    ],
  }),
});

/** The platform's secret store, for Harbor's ExternalSecrets. */
export const vault = () => externalSecrets({ store: { server: 'https://vault.example.com:8200' } });
/** Everything Harbor needs from its environment: a secret store, a certificate issuer, a database and a cache. */
export const peers = () => [vault(), certManager(), fakePostgres(), fakeRedis()];
/** The least configuration Harbor renders with. */
export const configured = { secretsKey: 'platform/test/harbor' };
/** Settings of an environment whose object storage is an in-cluster MinIO. */
export const minio = {
  settings: {
    baseDomain: 'selfhosted.example.com',
    objectStorage: { endpoint: 'minio.storage.svc:9000', region: 'us-east-1', bucketPrefix: 'acme', insecure: true },
  },
};
