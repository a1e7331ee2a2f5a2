import type { IConfigMap, IDeployment, INetworkPolicy, IService, KubeObject } from '@platform/core';
import { connectionProblems, renderError, renderForTest } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { dbConsumer } from './example-consumer.test-helpers.js';
import { supportingComponents } from './fixtures.test-helpers.js';
import { type ICluster, postgresCluster, primaryPods } from './index.js';

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

/** The environment Grafana runs in once it moves to PostgreSQL: the database creates the namespace, Grafana joins it. */
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

describe('a consumer of postgres (the way Grafana will use it)', () => {
  it('reads the credentials Secret and keys the operator generates for the Cluster', async () => {
    const { objects } = await renderForTest(grafanaOnPostgres());
    const cluster = objects('grafana-db').postgres_cluster as ICluster;
    // Without initdb.secret the operator names the Secret <cluster>-app (Cluster.GetApplicationSecretName) and
    // writes the keys username and password (pkg/specs/secrets.go).
    expect(cluster.spec.bootstrap?.initdb?.secret).toBeUndefined();
    expect(container(objects('grafana')).env).toEqual([
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
    const refs = container(objects('grafana')).env!.map((e) => e.valueFrom!.secretKeyRef!);
    expect(refs.map((r) => r.name)).toEqual([secret, secret]);
    expect(refs.map((r) => r.key).sort()).toEqual(Object.keys(external.spec.target.template.data).sort());
  });

  it('connects to the -rw Service over verify-full TLS with only the CA certificate mounted', async () => {
    const { objects } = await renderForTest(grafanaOnPostgres());
    const grafana = objects('grafana');
    expect((grafana.config_configmap as IConfigMap).data!['grafana.ini']).toBe(
      [
        '[database]',
        'type = postgres',
        'host = grafana-db-rw.grafana.svc.cluster.local',
        'port = 5432',
        'name = grafana',
        'ssl_mode = verify-full',
        'ca_cert_path = /etc/grafana/database-ca/ca.crt',
        'server_cert_name = grafana-db-rw.grafana.svc.cluster.local',
        '',
      ].join('\n'),
    );
    const volumes = (grafana.grafana_deployment as IDeployment).spec!.template.spec!.volumes!;
    expect(volumes.find((v) => v.name === 'database-ca')?.secret).toEqual({
      secretName: 'grafana-db-ca',
      items: [{ key: 'ca.crt', path: 'ca.crt' }],
    });
  });

  it('is a render error naming the database when the environment has none', async () => {
    expect(await renderError([dbConsumer()])).toBe(
      `test › grafana › database.postgres: needs the PostgreSQL database "grafana-db" (a component providing "postgres", e.g. postgresCluster().named('grafana-db') of @platform/cloudnative-pg), and the environment has none`,
    );
  });

  it('is a render error when the database lives where its Secrets cannot be read', async () => {
    const message = await renderError([...supportingComponents(), postgresCluster().named('grafana-db'), dbConsumer()]);
    expect(message).toContain(
      `database "grafana-db" runs in namespace "grafana-db", but grafana in "grafana" can read its credentials Secret "grafana-db-app" only in its own namespace`,
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

  it("passes pnpm check's rules, once the operator-generated Secrets are known to the references rule", async () => {
    const { rendered } = await renderForTest(grafanaOnPostgres());
    // Environment-wide findings (no Argo CD in this test environment) are not the components'.
    const errorsOf = (report: ReturnType<typeof runPolicies>) =>
      report.findings.filter((f) => f.severity === 'error' && !f.component.startsWith('_'));
    const errors = errorsOf(runPolicies(rendered));
    // The references rule knows ExternalSecrets and Certificates as producers, not CNPG Clusters (proposed in the README).
    expect(errors.map((f) => `${f.rule} ${f.component} ${f.message.match(/Secret "[^"]+"/)?.[0]}`).sort()).toEqual([
      'references.missing-object grafana Secret "grafana-db-app"',
      'references.missing-object grafana Secret "grafana-db-app"',
      'references.missing-object grafana Secret "grafana-db-ca"',
    ]);
    const declared = await renderForTest(grafanaOnPostgres(), {
      external: ['Secret/grafana/grafana-db-app', 'Secret/grafana/grafana-db-ca'],
    });
    expect(errorsOf(runPolicies(declared.rendered))).toEqual([]);
  });
});
