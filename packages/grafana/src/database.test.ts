import { certManager } from '@platform/cert-manager';
import { barmanCloud, cloudnativePg, type ICluster, postgresCluster, primaryPods } from '@platform/cloudnative-pg';
import type { IConfigMap, IDeployment, INetworkPolicy, IService, KubeObject } from '@platform/core';
import { connectionProblems, renderError, renderForTest } from '@platform/core/testing';
import { externalSecret, externalSecrets } from '@platform/external-secrets';
import { runPolicies } from '@platform/policy';
import { fakeMetricsStore } from '@platform/test-fakes';
import { describe, expect, it } from 'vitest';
import { grafana } from './index.js';

/** What a database cluster needs around it, and the metrics store Grafana requires. */
function supportingComponents() {
  return [
    certManager(),
    externalSecrets({ store: { server: 'https://vault.example.com:8200' } }),
    cloudnativePg(),
    barmanCloud(),
    fakeMetricsStore(),
  ];
}

const dbConsumer = () => grafana({ replicas: 2, database: { type: 'postgres', postgres: 'grafana-db' } });

/**
 * The `-rw` Service the operator creates for a Cluster (pkg/specs/services.go, CreateClusterReadWriteService):
 * rendered only here, so that connectionProblems can judge the NetworkPolicies against its selector.
 */
function operatorRwService(cluster: string, namespace: string): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `${cluster}-rw`, namespace },
    spec: { selector: primaryPods(cluster), ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }] },
  };
}

/** Grafana on PostgreSQL: the database creates the namespace, Grafana joins it. */
function grafanaOnPostgres(config: Parameters<typeof postgresCluster>[0] = {}) {
  return [
    ...supportingComponents(),
    postgresCluster({ owner: { name: 'grafana' }, database: 'grafana', clients: ['grafana'], ...config })
      .named('grafana-db')
      .inNamespace('grafana'),
    dbConsumer().inNamespace('grafana', { create: false }),
  ];
}

const container = (objects: Record<string, KubeObject>) =>
  (objects.grafana_deployment as IDeployment).spec!.template.spec!.containers[0]!;

describe('grafana on a postgres database of the environment', () => {
  it('reads the credentials Secret and keys the operator generates for the Cluster', async () => {
    const { objects } = await renderForTest(grafanaOnPostgres());
    const cluster = objects('grafana-db').postgres_cluster as ICluster;
    // Without initdb.secret the operator names the Secret <cluster>-app (Cluster.GetApplicationSecretName) and
    // writes the keys username and password (pkg/specs/secrets.go).
    expect(cluster.spec.bootstrap?.initdb?.secret).toBeUndefined();
    const env = container(objects('grafana')).env!.filter((e) => e.name.startsWith('GF_DATABASE_'));
    expect(env).toEqual([
      { name: 'GF_DATABASE_USER', valueFrom: { secretKeyRef: { name: 'grafana-db-app', key: 'username' } } },
      { name: 'GF_DATABASE_PASSWORD', valueFrom: { secretKeyRef: { name: 'grafana-db-app', key: 'password' } } },
    ]);
  });

  it('reads the Secret the ExternalSecret renders and the Cluster bootstraps from, when the password is stored', async () => {
    const { objects } = await renderForTest(
      grafanaOnPostgres({ owner: { name: 'grafana', password: { key: 'platform/test/grafana-db' } } }),
    );
    const db = objects('grafana-db');
    const secret = (db.postgres_cluster as ICluster).spec.bootstrap?.initdb?.secret?.name;
    const external = db.owner_externalsecret as unknown as {
      spec: { target: { name: string; template: { data: Record<string, string> } } };
    };
    expect(external.spec.target.name).toBe(secret);
    const refs = container(objects('grafana'))
      .env!.filter((e) => e.name.startsWith('GF_DATABASE_'))
      .map((e) => e.valueFrom!.secretKeyRef!);
    expect(refs.map((r) => r.name)).toEqual([secret, secret]);
    expect(refs.map((r) => r.key).sort()).toEqual(Object.keys(external.spec.target.template.data).sort());
  });

  it('connects to the -rw Service over verify-full TLS with only the CA certificate mounted', async () => {
    const { objects } = await renderForTest(grafanaOnPostgres());
    const grafana = objects('grafana');
    // grafana.ini's [database] host is host:port (Grafana splits it with SplitHostPortDefault).
    expect((grafana.config_configmap as IConfigMap).data!['grafana.ini']).toContain(
      [
        '[database]',
        'ca_cert_path = /etc/grafana/database-ca/ca.crt',
        'host = grafana-db-rw.grafana.svc.cluster.local:5432',
        'name = grafana',
        'server_cert_name = grafana-db-rw.grafana.svc.cluster.local',
        'ssl_mode = verify-full',
        'type = postgres',
        'user = grafana',
        '',
      ].join('\n'),
    );
    const mounts = container(grafana).volumeMounts!;
    expect(mounts.find((m) => m.name === 'database-ca')).toEqual({
      name: 'database-ca',
      mountPath: '/etc/grafana/database-ca',
      readOnly: true,
    });
    const volumes = (grafana.grafana_deployment as IDeployment).spec!.template.spec!.volumes!;
    expect(volumes.find((v) => v.name === 'database-ca')?.secret).toEqual({
      secretName: 'grafana-db-ca',
      items: [{ key: 'ca.crt', path: 'ca.crt' }],
    });
  });

  it('is a render error naming the database when the environment has none', async () => {
    expect(await renderError([fakeMetricsStore(), dbConsumer()])).toBe(
      `test › grafana › database.postgres: no component "grafana-db" provides "postgres" (Grafana's database); providers: none`,
    );
  });

  it('is a render error when the database lives where its Secrets cannot be read', async () => {
    const message = await renderError([...supportingComponents(), postgresCluster().named('grafana-db'), dbConsumer()]);
    expect(message).toContain(
      `database "grafana-db" runs in namespace "grafana-db", but grafana runs in "grafana" and can read the credentials Secret "grafana-db-app" only in its own namespace; deploy the database with .inNamespace('grafana')`,
    );
  });

  it('comes after its database, which comes after the operator', async () => {
    const { rendered } = await renderForTest(grafanaOnPostgres());
    const stepOf = (name: string) => rendered.steps.find((s) => s.components.includes(name))!.wave;
    expect(stepOf('grafana')).toBeGreaterThan(stepOf('grafana-db'));
    expect(stepOf('grafana-db')).toBeGreaterThan(stepOf('cloudnative-pg'));
  });

  it('derives the NetworkPolicies on both sides: the consumer reaches the primary, the cluster admits the consumer', async () => {
    const components = grafanaOnPostgres();
    components[components.length - 2] = components[components.length - 2]!.addObjects({
      rw_service: operatorRwService('grafana-db', 'grafana'),
    });
    const { rendered, objects } = await renderForTest(components);
    expect(connectionProblems(rendered, 'grafana', 'grafana-db-rw.grafana.svc.cluster.local:5432')).toEqual([]);
    const egress = objects('grafana').networkpolicy_allow_to_grafana_db_grafana_db_rw as INetworkPolicy;
    expect(egress.spec?.egress?.[0]).toEqual({
      to: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'grafana' } },
          podSelector: { matchLabels: primaryPods('grafana-db') },
        },
      ],
      ports: [{ port: 5432, protocol: 'TCP' }],
    });
    const ingress = objects('grafana-db').networkpolicy_allow_grafana_db_clients as INetworkPolicy;
    expect(ingress.spec?.podSelector).toEqual({
      matchLabels: { 'cnpg.io/cluster': 'grafana-db', 'cnpg.io/podRole': 'instance' },
    });
    expect(ingress.spec?.ingress?.[0]?.from).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'grafana' } }, podSelector: {} },
    ]);
  });

  it("passes pnpm check's references rule: the Secrets CloudNativePG creates for the Cluster count as present", async () => {
    const admin = externalSecret({
      name: 'grafana-admin',
      namespace: 'grafana',
      data: {
        'admin-user': { key: 'platform/test/grafana', property: 'user' },
        'admin-password': { key: 'platform/test/grafana', property: 'password' },
      },
    });
    const components = grafanaOnPostgres();
    components[components.length - 1] = dbConsumer()
      .inNamespace('grafana', { create: false })
      .addObjects({ admin_externalsecret: admin });
    const { rendered } = await renderForTest(components);
    const missing = runPolicies(rendered).findings.filter(
      (f) => f.rule === 'references.missing-object' && f.component === 'grafana',
    );
    expect(missing).toEqual([]);
    // Without the Cluster, the same references are errors: the rule is not blind to them.
    const withoutCluster = rendered.objects.filter((o) => o.object.kind !== 'Cluster');
    const blind = runPolicies({ ...rendered, objects: withoutCluster }).findings.filter(
      (f) => f.rule === 'references.missing-object' && f.component === 'grafana',
    );
    expect(blind.map((f) => f.message.match(/Secret "[^"]+"/)?.[0]).sort()).toEqual([
      'Secret "grafana-db-app"',
      'Secret "grafana-db-app"',
      'Secret "grafana-db-ca"',
    ]);
  });
});
