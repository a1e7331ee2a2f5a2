import type { IPrometheusRule } from '@platform/core';
import { applicationSetElement, renderError, renderForTest, stubComponent } from '@platform/core/testing';
import { externalSecrets, type IExternalSecret } from '@platform/external-secrets';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { database } from './database.test-helpers.js';
import { velero } from './index.js';
import type { IBackupStorageLocation, ISchedule } from './kinds.js';
import { backupRules as backupRulesForTest } from './rules.js';

const vault = () => externalSecrets({ store: { server: 'https://vault.example.com:8200' } });
const certManager = () =>
  stubComponent('cert-manager', {
    certificateIssuer: {
      component: 'cert-manager',
      namespace: 'cert-manager',
      issuerRef: { name: 'platform-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
    },
  });
const minio = {
  settings: {
    baseDomain: 'selfhosted.example.com',
    objectStorage: { endpoint: 'minio.storage.svc:9000', region: 'us-east-1', bucketPrefix: 'acme', insecure: true },
  },
};

function values(rendered: Awaited<ReturnType<typeof renderForTest>>['rendered']) {
  return applicationSetElement(rendered, 'velero').sources[0]!.helm!.valuesObject;
}

describe('velero', () => {
  it('installs the pinned chart with a restricted server, the AWS plugin and kopia node agents', async () => {
    const { rendered } = await renderForTest([velero()]);
    const element = applicationSetElement(rendered, 'velero');
    expect(element.sources[0]).toMatchObject({
      repoURL: 'https://vmware-tanzu.github.io/helm-charts',
      chart: 'velero',
      targetRevision: '12.1.0',
    });
    expect(element.syncOptions).toContain('ServerSideApply=true');
    const v = values(rendered);
    expect(v.image).toEqual({ repository: 'docker.io/velero/velero', tag: 'v1.18.1' });
    expect(v.initContainers).toEqual([
      expect.objectContaining({
        name: 'velero-plugin-for-aws',
        image: 'docker.io/velero/velero-plugin-for-aws:v1.14.2',
        volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        },
      }),
    ]);
    expect(v.podSecurityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1002,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(v.containerSecurityContext).toMatchObject({ readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(v).toMatchObject({ upgradeCRDs: false, snapshotsEnabled: false, deployNodeAgent: true });
    expect(v.configuration).toMatchObject({
      backupStorageLocation: [],
      volumeSnapshotLocation: [],
      uploaderType: 'kopia',
    });
    expect(v.configuration.repositoryMaintenanceJob.repositoryConfigData.global.podResources).toEqual({
      cpuRequest: '100m',
      memoryRequest: '256Mi',
      memoryLimit: '1Gi',
    });
    expect(v.metrics.serviceMonitor).toEqual({ enabled: true, autodetect: false });
    expect(v.metrics.prometheusRule).toEqual({ enabled: false });
    expect(v.credentials).toEqual({ useSecret: false });
  });

  it('stores backups in the environment bucket, addressed for AWS or for another S3 endpoint', async () => {
    const aws = (await renderForTest([velero()])).objects('velero')
      .default_backupstoragelocation as IBackupStorageLocation;
    expect(aws.spec).toEqual({
      provider: 'aws',
      default: true,
      accessMode: 'ReadWrite',
      objectStorage: { bucket: 'acme-test-velero' },
      config: { region: 'eu-west-1' },
    });
    const other = (await renderForTest([velero()], minio)).objects('velero')
      .default_backupstoragelocation as IBackupStorageLocation;
    expect(other.spec!.config).toEqual({
      region: 'us-east-1',
      s3Url: 'http://minio.storage.svc:9000',
      s3ForcePathStyle: 'true',
    });
  });

  it('writes the credentials file from the store, or passes the environment Secret, or relies on the pod identity', async () => {
    const own = await renderForTest([vault(), velero({ credentialsKey: 'platform/test/velero' })], minio);
    const secret = own.objects('velero').credentials_externalsecret as IExternalSecret;
    expect(secret.spec!.target!.template!.data).toEqual({
      cloud:
        '[default]\naws_access_key_id={{ .AWS_ACCESS_KEY_ID }}\naws_secret_access_key={{ .AWS_SECRET_ACCESS_KEY }}\n',
    });
    expect(values(own.rendered).credentials).toEqual({ useSecret: true, existingSecret: 'velero-cloud-credentials' });
    expect(own.rendered.components.find((c) => c.name === 'velero')!.dependsOn).toEqual(['external-secrets']);
    expect(own.rendered.objects.some((o) => o.object.kind === 'Secret')).toBe(false);

    const env = await renderForTest([velero()], {
      settings: {
        ...minio.settings,
        objectStorage: { ...minio.settings.objectStorage, credentialsSecret: 'object-storage' },
      },
    });
    expect(values(env.rendered).configuration.extraEnvVars).toEqual([
      { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'object-storage', key: 'AWS_ACCESS_KEY_ID' } } },
      {
        name: 'AWS_SECRET_ACCESS_KEY',
        valueFrom: { secretKeyRef: { name: 'object-storage', key: 'AWS_SECRET_ACCESS_KEY' } },
      },
    ]);

    const irsa = await renderForTest([
      velero({ serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/velero' } }),
    ]);
    expect(values(irsa.rendered).serviceAccount.server.annotations).toEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/velero',
    });
  });

  it('schedules a backup of every namespace the environment marks as stateful, volumes included', async () => {
    const { objects } = await renderForTest([
      database().named('orders').inNamespace('shop'),
      database().named('ledger'),
      database().named('accounts'),
      velero({
        stateful: {
          orders: 'orders placed by customers',
          ledger: 'the books',
          accounts: { reason: 'a PostgreSQL cluster with its own WAL archive', volumes: 'none' },
        },
      }),
    ]);
    const o = objects('velero');
    const shop = o.stateful_shop_schedule as ISchedule;
    expect(shop.metadata!.annotations!['backup.platform.dev/reason']).toBe('orders placed by customers');
    expect(shop.metadata!.annotations!['argocd.argoproj.io/sync-wave']).toBe('1');
    expect(shop.spec).toEqual({
      schedule: '0 2 * * *',
      skipImmediately: false,
      template: {
        includedNamespaces: ['shop'],
        snapshotVolumes: false,
        defaultVolumesToFsBackup: true,
        storageLocation: 'default',
        ttl: '720h',
        metadata: { labels: { 'backup.platform.dev/schedule': 'stateful-shop' } },
      },
    });
    expect((o.stateful_ledger_schedule as ISchedule).spec!.template.includedNamespaces).toEqual(['ledger']);
    expect((o.stateful_accounts_schedule as ISchedule).spec!.template.defaultVolumesToFsBackup).toBe(false);
  });

  it("takes the libraries' own statefulData marks, objects only when their data is saved elsewhere", async () => {
    const { objects } = await renderForTest([database({ stateful: true, volumes: 'none' }), velero()]);
    const schedule = objects('velero').stateful_database_schedule as ISchedule;
    expect(schedule.metadata!.annotations!['backup.platform.dev/reason']).toBe('the rows of the database');
    expect(schedule.spec!.template.defaultVolumesToFsBackup).toBe(false);
  });

  it("backs up cert-manager's resources and the Secrets it issued when the environment has cert-manager", async () => {
    const { objects } = await renderForTest([certManager(), velero()]);
    const resources = objects('velero').cert_manager_resources_schedule as ISchedule;
    const secrets = objects('velero').cert_manager_secrets_schedule as ISchedule;
    expect(resources.spec!.schedule).toBe('0 */6 * * *');
    expect(resources.spec!.template).toMatchObject({
      includedNamespaces: ['*'],
      includedResources: ['certificates.cert-manager.io', 'issuers.cert-manager.io', 'clusterissuers.cert-manager.io'],
      includeClusterResources: true,
    });
    expect(secrets.spec!.template).toMatchObject({
      includedResources: ['secrets'],
      labelSelector: { matchLabels: { 'controller.cert-manager.io/fao': 'true' } },
      includeClusterResources: false,
    });
    const none = await renderForTest([velero()]);
    expect(none.objects('velero').cert_manager_resources_schedule).toBeUndefined();
  });

  it('fails the render when a stateful mark names a component the environment lacks', async () => {
    expect(await renderError([velero({ stateful: { grafana: 'dashboards' } })])).toBe(
      'test › velero › stateful.grafana: the environment has no component named "grafana"',
    );
  });

  it('proves in pnpm check that stateful namespaces are backed up, and reports unscheduled volumes', async () => {
    const ids = (rendered: Awaited<ReturnType<typeof renderForTest>>['rendered'], rules = true) =>
      runPolicies(rendered, rules ? { rules: [...backupRulesForTest] } : {})
        .findings.filter((f) => f.rule.startsWith('backup.'))
        .map((f) => `${f.rule} ${f.component}: ${f.message}`);
    // A stateful library and no Velero: an error.
    const noBackups = await renderForTest([database({ stateful: true })]);
    expect(ids(noBackups.rendered)).toEqual([
      'backup.stateful-namespaces database: namespace "database" is stateful (the rows of the database) but no Velero Schedule backs up its volumes',
    ]);
    // Velero, one marked and one unmarked database: a warning for the unmarked one only.
    const partial = await renderForTest([
      database().named('orders'),
      database().named('cache'),
      velero({ stateful: { orders: 'orders' } }),
    ]);
    expect(ids(partial.rendered)).toEqual([
      'backup.unscheduled-volumes cache: claims volumes in namespace "cache", which no Velero Schedule backs up: mark its component stateful (velero({ stateful })) or waive this with the reason its data may be lost',
    ]);
  });

  it('labels, annotates and links every alert to its runbook', async () => {
    const { objects } = await renderForTest([velero()]);
    const rules = (objects('velero').alerts_prometheusrule as IPrometheusRule).spec.groups![0]!.rules!;
    expect(rules.map((r) => r.alert)).toEqual([
      'VeleroBackupFailed',
      'VeleroBackupPartiallyFailed',
      'VeleroBackupTooOld',
      'VeleroBackupLocationUnavailable',
      'VeleroDown',
    ]);
    for (const rule of rules) {
      expect(rule.for).toBeDefined();
      expect(rule.labels).toEqual({ severity: expect.stringMatching(/^(warning|critical)$/), team: 'platform' });
      expect(rule.annotations!.runbook_url).toContain(`README.md#${rule.alert!.toLowerCase()}`);
    }
    expect(rules.find((r) => r.alert === 'VeleroBackupTooOld')!.expr).toContain('> 129600');
  });

  it('opens only the API server and the object storage', async () => {
    const { objects } = await renderForTest([velero()]);
    const keys = Object.keys(objects('velero')).filter((k) => k.startsWith('networkpolicy_allow_'));
    expect(keys.sort()).toEqual([
      'networkpolicy_allow_api_server',
      'networkpolicy_allow_dns',
      'networkpolicy_allow_metrics_scraping',
      'networkpolicy_allow_object_storage',
      'networkpolicy_allow_same_namespace',
    ]);
  });

  it('passes the policy checks', async () => {
    const { rendered } = await renderForTest(
      [vault(), certManager(), velero({ credentialsKey: 'platform/test/velero' })],
      minio,
    );
    expect(runPolicies(rendered).findings.filter((f) => f.component === 'velero' && f.severity === 'error')).toEqual(
      [],
    );
  });

  it('reports bad configuration with its path', async () => {
    expect(await renderError([velero({ statefulSchedule: { ttl: '30d' } })])).toContain(
      'test › velero › statefulSchedule.ttl: expected a duration such as',
    );
    expect(await renderError([velero({ resources: { nodeAgent: { limits: { memory: '1Mi' } } } })])).toBe(
      'test › velero › resources.nodeAgent.limits.memory: the memory limit 1Mi is below the memory request 256Mi',
    );
    expect(await renderError([velero({ stateful: { Grafana: ' ' } })])).toContain(
      'stateful.Grafana: expected a component name',
    );
  });
});
