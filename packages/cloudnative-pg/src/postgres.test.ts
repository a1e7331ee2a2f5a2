import type { KubeObject } from '@platform/core';
import { providedBy, renderError, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { supportingComponents } from './fixtures.test-helpers.js';
import {
  barmanCloud,
  cloudnativePg,
  type ICluster,
  type IObjectStore,
  type IPooler,
  postgresCluster,
} from './index.js';

const store = { key: 'platform/test/grafana-db', property: 'password' };

async function render(config: Parameters<typeof postgresCluster>[0] = {}, overrides = {}) {
  const result = await renderForTest(
    [...supportingComponents(), postgresCluster(config).named('grafana-db')],
    overrides,
  );
  return { ...result, db: result.objects('grafana-db') };
}

const spec = (objects: Record<string, KubeObject>) => (objects.postgres_cluster as ICluster).spec;

describe('postgresCluster', () => {
  it('renders a replicated Cluster with anti-affinity, PDBs and WAL archiving, named like the component', async () => {
    const { db } = await render();
    const cluster = db.postgres_cluster as ICluster;
    expect(cluster.metadata?.name).toBe('grafana-db');
    expect(cluster.spec).toMatchObject({
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:18.4-system-trixie',
      enablePDB: true,
      enableSuperuserAccess: false,
      affinity: { enablePodAntiAffinity: true, podAntiAffinityType: 'required', topologyKey: 'kubernetes.io/hostname' },
      bootstrap: { initdb: { database: 'app', owner: 'app' } },
      plugins: [
        {
          name: 'barman-cloud.cloudnative-pg.io',
          isWALArchiver: true,
          parameters: { barmanObjectName: 'grafana-db-backups', serverName: 'grafana-db' },
        },
      ],
    });
    // Without a stored password the operator generates <cluster>-app; nothing is named in the bootstrap.
    expect(cluster.spec.bootstrap?.initdb?.secret).toBeUndefined();
  });

  it('never renders Secret data: passwords come from the store or the operator', async () => {
    const { rendered } = await render({ owner: { password: store }, roles: [{ name: 'reader', password: store }] });
    expect(rendered.objects.filter((o) => o.object.kind === 'Secret')).toEqual([]);
    expect(JSON.stringify(rendered.objects.map((o) => o.object))).not.toMatch(/"stringData"|"data":\{"password"/);
  });

  it('reads an owner password from the store as the basic-auth Secret the bootstrap names', async () => {
    const { db } = await render({ owner: { name: 'grafana', password: store } });
    const external = db.owner_externalsecret as unknown as {
      spec: { target: { name: string; template: { type: string; data: Record<string, string> } } };
    };
    expect(spec(db).bootstrap?.initdb).toEqual({
      database: 'app',
      owner: 'grafana',
      secret: { name: 'grafana-db-owner' },
    });
    expect(external.spec.target.name).toBe('grafana-db-owner');
    expect(external.spec.target.template.type).toBe('kubernetes.io/basic-auth');
    expect(external.spec.target.template.data).toEqual({ username: 'grafana', password: '{{ .password }}' });
  });

  it('orders the first sync: the password, then the Cluster, then what needs a running primary', async () => {
    const { db } = await render({
      owner: { password: store },
      pooler: { enabled: true },
      databases: [{ name: 'reports', owner: 'app' }],
    });
    const wave = (key: string) => db[key]?.metadata?.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0';
    expect(wave('owner_externalsecret')).toBe('0');
    expect(wave('postgres_cluster')).toBe('1');
    for (const key of ['backups_scheduledbackup', 'pooler_pooler', 'reports_database']) expect(wave(key)).toBe('2');
  });

  it('backs up to the environment bucket with its credentials Secret, on a six-field schedule, with retention', async () => {
    const { db } = await render(
      { backup: { schedule: '0 30 1 * * *', retention: '14d' } },
      {
        settings: {
          baseDomain: 'test.example.com',
          objectStorage: {
            endpoint: 'minio.storage.svc:9000',
            region: 'x',
            bucketPrefix: 'acme',
            insecure: true,
            credentialsSecret: 's3',
          },
        },
      },
    );
    const store_ = db.backups_objectstore as IObjectStore;
    expect(store_.spec.retentionPolicy).toBe('14d');
    expect(store_.spec.configuration).toMatchObject({
      destinationPath: 's3://acme-postgres/grafana-db',
      endpointURL: 'http://minio.storage.svc:9000',
      s3Credentials: {
        accessKeyId: { name: 's3', key: 'AWS_ACCESS_KEY_ID' },
        secretAccessKey: { name: 's3', key: 'AWS_SECRET_ACCESS_KEY' },
      },
    });
    expect(db.backups_scheduledbackup).toMatchObject({
      spec: { cluster: { name: 'grafana-db' }, schedule: '0 30 1 * * *', method: 'plugin', immediate: true },
    });
    expect(Object.keys(db)).toContain('networkpolicy_allow_grafana_db_object_storage');
  });

  it('without backups renders no store, schedule, archiver or object-storage egress, and needs no plugin', async () => {
    const { db } = await renderForTest([
      ...supportingComponents().filter((c) => c.name !== 'cnpg-barman-cloud'),
      postgresCluster({ backup: { enabled: false } }).named('grafana-db'),
    ]).then((r) => ({ db: r.objects('grafana-db') }));
    expect(db.backups_objectstore).toBeUndefined();
    expect(db.backups_scheduledbackup).toBeUndefined();
    expect(spec(db).plugins).toBeUndefined();
    expect(db.networkpolicy_allow_grafana_db_object_storage).toBeUndefined();
  });

  it('names the missing operator and plugin components', async () => {
    expect(await renderError([postgresCluster().named('grafana-db')])).toBe(
      [
        'test › grafana-db: PostgreSQL cluster "grafana-db" needs component "cloudnative-pg", the CloudNativePG operator (cloudnativePg()) of @platform/cloudnative-pg, which runs it; the environment has none',
        'test › grafana-db: PostgreSQL cluster "grafana-db" needs component "cnpg-barman-cloud", the Barman Cloud plugin (barmanCloud()) of @platform/cloudnative-pg, which archives its WAL and takes its backups; or set backup.enabled: false; the environment has none',
      ].join('\n'),
    );
  });

  it('recovers to a point in time from another serverName, archiving under a new one', async () => {
    const { db } = await render({
      recovery: { serverName: 'grafana-db', targetTime: '2026-07-01T10:00:00Z' },
      backup: { serverName: 'grafana-db-2' },
    });
    expect(spec(db).bootstrap).toEqual({
      recovery: {
        source: 'origin',
        database: 'app',
        owner: 'app',
        recoveryTarget: { targetTime: '2026-07-01T10:00:00Z' },
      },
    });
    expect(spec(db).externalClusters).toEqual([
      {
        name: 'origin',
        plugin: {
          name: 'barman-cloud.cloudnative-pg.io',
          parameters: { barmanObjectName: 'grafana-db-backups', serverName: 'grafana-db' },
        },
      },
    ]);
    expect(spec(db).plugins?.[0]?.parameters?.serverName).toBe('grafana-db-2');
  });

  it('reports configuration mistakes with their paths, all at once', async () => {
    const message = await renderError([
      ...supportingComponents(),
      postgresCluster({
        instances: 0,
        imageName: 'ghcr.io/cloudnative-pg/postgresql',
        backup: { schedule: '0 3 * * *', retention: '30 days' },
        recovery: { serverName: 'grafana-db', targetTime: '2026-07-01 10:00' },
        databases: [{ name: 'reports', owner: 'nobody' }],
        roles: [{ name: 'postgres' }],
      }).named('grafana-db'),
    ]);
    expect(message.split('\n')).toEqual([
      'test › grafana-db › imageName: expected an image pinned to a tag or digest, got "ghcr.io/cloudnative-pg/postgresql"',
      'test › grafana-db › instances: expected a whole number of at least 1, got 0',
      'test › grafana-db › roles[0].name: "postgres" is managed by the operator',
      'test › grafana-db › databases[0].owner: "nobody" is neither the owner (app) nor a declared role',
      'test › grafana-db › backup.schedule: expected a six-field cron expression with seconds first, such as "0 0 3 * * *", got "0 3 * * *"',
      'test › grafana-db › backup.retention: expected days, weeks or months such as "30d", "4w" or "6m", got "30 days"',
      'test › grafana-db › recovery.targetTime: expected an RFC 3339 time with a zone, such as "2026-07-01T10:00:00Z", got "2026-07-01 10:00"',
      'test › grafana-db › backup.serverName: a recovered cluster must archive under a new serverName, not "grafana-db" which it restores from (the operator refuses a non-empty archive)',
    ]);
  });

  it('puts consumers behind a PgBouncer pooler when asked, with TLS require (its certificate names the instances)', async () => {
    const { db } = await render({ pooler: { enabled: true, poolMode: 'transaction' }, clients: ['grafana'] });
    expect((db.pooler_pooler as IPooler).spec).toMatchObject({
      cluster: { name: 'grafana-db' },
      type: 'rw',
      pgbouncer: { poolMode: 'transaction', image: 'ghcr.io/cloudnative-pg/pgbouncer:1.25.1' },
    });
    const endpoint = providedBy(postgresCluster({ pooler: { enabled: true } }).named('grafana-db')).postgres;
    expect(endpoint).toMatchObject({
      host: 'grafana-db-pooler-rw.grafana-db.svc.cluster.local',
      tls: { mode: 'require' },
      pods: { host: { 'cnpg.io/poolerName': 'grafana-db-pooler-rw' } },
    });
  });

  it('declares databases and roles, role passwords from the store', async () => {
    const { db } = await render({
      roles: [{ name: 'report_reader', inRoles: ['pg_read_all_data'], password: store }],
      databases: [{ name: 'reports', owner: 'report_reader', extensions: ['pg_trgm'] }],
    });
    expect(db.reports_database).toMatchObject({
      metadata: { name: 'grafana-db-reports' },
      spec: {
        cluster: { name: 'grafana-db' },
        name: 'reports',
        owner: 'report_reader',
        databaseReclaimPolicy: 'retain',
        extensions: [{ name: 'pg_trgm' }],
      },
    });
    expect(db.report_reader_databaserole).toMatchObject({
      metadata: { name: 'grafana-db-report-reader' },
      spec: {
        name: 'report_reader',
        login: true,
        inRoles: ['pg_read_all_data'],
        passwordSecret: { name: 'grafana-db-role-report-reader' },
      },
    });
    expect(db.report_reader_password_externalsecret).toMatchObject({
      spec: { target: { name: 'grafana-db-role-report-reader', template: { data: { username: 'report_reader' } } } },
    });
  });

  it('pulls the operand image through the registry mirror, and drops the PDB of a single instance', async () => {
    const { db } = await render(
      { instances: 1 },
      {
        settings: {
          baseDomain: 'test.example.com',
          objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
          imageRegistryMirror: 'registry.example.com/mirror',
        },
      },
    );
    expect(spec(db).imageName).toBe('registry.example.com/mirror/ghcr.io/cloudnative-pg/postgresql:18.4-system-trixie');
    expect(spec(db).enablePDB).toBe(false);
  });

  it('alerts on its failure modes with severity, team, runbook and a for', async () => {
    const { db } = await render();
    type Rule = { alert: string; for: string; labels: Record<string, string>; annotations: Record<string, string> };
    const rules = (db.alerts_prometheusrule as unknown as { spec: { groups: Array<{ rules: Rule[] }> } }).spec
      .groups[0]!.rules;
    expect(rules.map((r) => r.alert)).toEqual([
      'PostgresInstanceDown',
      'PostgresPrimaryMissing',
      'PostgresReplicationLag',
      'PostgresConnectionsNearLimit',
      'PostgresVolumeFillingUp',
      'PostgresInstancesMissing',
      'PostgresInstancesOnSameNode',
      'PostgresWalArchivingFailing',
      'PostgresBackupTooOld',
    ]);
    for (const rule of rules) {
      expect(rule.for).toBeTruthy();
      expect(Object.keys(rule.labels).sort()).toEqual(['severity', 'team']);
      expect(rule.annotations.runbook_url).toMatch(new RegExp(`README\\.md#${rule.alert.toLowerCase()}$`));
    }
  });

  it('is ordered after the operator and the plugin, which come in the operators tier', async () => {
    const { rendered } = await render();
    const stepOf = (name: string) => rendered.steps.find((s) => s.components.includes(name))!.wave;
    expect(stepOf('grafana-db')).toBeGreaterThan(stepOf('cnpg-barman-cloud'));
    expect(stepOf('cnpg-barman-cloud')).toBeGreaterThan(stepOf('cloudnative-pg'));
    expect(rendered.steps.find((s) => s.components.includes('grafana-db'))!.tier).toBe('platform');
  });

  it('keeps the operator and plugin in one namespace', async () => {
    const { rendered } = await renderForTest([...supportingComponents()]);
    const namespaces = rendered.objects
      .filter((o) => o.object.kind === 'Namespace')
      .map((o) => o.object.metadata?.name);
    expect(namespaces.filter((n) => n === 'cnpg-system')).toHaveLength(1);
    expect([cloudnativePg().namespace, barmanCloud().namespace]).toEqual(['cnpg-system', 'cnpg-system']);
  });
});
