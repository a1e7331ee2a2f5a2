import type { IPrometheusRule, IStorageClass, KubeObject } from '@platform/core';
import { applicationSetElement, providedBy, renderError, renderForTest } from '@platform/core/testing';
import { externalSecrets, type IExternalSecret } from '@platform/external-secrets';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { longhorn } from './index.js';
import type { IRecurringJob } from './kinds.js';

const vault = () => externalSecrets({ store: { server: 'https://vault.example.com:8200' } });
/** Settings of an environment whose object storage is an in-cluster MinIO (not AWS). */
const minio = {
  settings: {
    baseDomain: 'selfhosted.example.com',
    objectStorage: { endpoint: 'minio.storage.svc:9000', region: 'us-east-1', bucketPrefix: 'acme', insecure: true },
  },
};

function values(rendered: Awaited<ReturnType<typeof renderForTest>>['rendered']) {
  return applicationSetElement(rendered, 'longhorn').sources[0]!.helm!.valuesObject;
}

describe('longhorn', () => {
  it('installs the pinned chart server-side, without its StorageClass, its Argo CD-breaking hook or calls home', async () => {
    const { rendered } = await renderForTest([longhorn()]);
    const element = applicationSetElement(rendered, 'longhorn');
    expect(element.sources[0]).toMatchObject({
      repoURL: 'https://charts.longhorn.io',
      chart: 'longhorn',
      targetRevision: '1.12.1',
    });
    expect(element.syncOptions).toContain('ServerSideApply=true');
    const v = values(rendered);
    expect(v.persistence).toEqual({ createStorageClass: false });
    expect(v.preUpgradeChecker).toEqual({ jobEnabled: false });
    expect(v.defaultSettings).toMatchObject({ upgradeChecker: false, allowCollectingLonghornUsageMetrics: false });
    expect(v.defaultSettings.defaultReplicaCount).toEqual({ v1: '3', v2: '3' });
    expect(v.longhornManager.resources).toEqual({
      requests: { cpu: '100m', memory: '256Mi' },
      limits: { memory: '1Gi' },
    });
    expect(v.metrics.serviceMonitor.enabled).toBe(true);
    expect(v.global).toBeUndefined();
  });

  it('runs in a privileged namespace, because its node agents cannot run otherwise', async () => {
    const { objects } = await renderForTest([longhorn()]);
    const labels = objects('longhorn').namespace!.metadata!.labels!;
    expect(labels['pod-security.kubernetes.io/enforce']).toBe('privileged');
    expect(labels['pod-security.kubernetes.io/warn']).toBe('restricted');
  });

  it('renders the default StorageClass from typed settings, and extra classes over its settings', async () => {
    const { objects } = await renderForTest([
      longhorn({
        extraStorageClasses: {
          'longhorn-single': { replicas: 1, dataLocality: 'strict-local', reclaimPolicy: 'Retain' },
        },
      }),
    ]);
    const o = objects('longhorn');
    const main = o.longhorn_storageclass as IStorageClass;
    expect(main.metadata!.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'true' });
    expect(main).toMatchObject({
      provisioner: 'driver.longhorn.io',
      allowVolumeExpansion: true,
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      parameters: {
        numberOfReplicas: '3',
        dataLocality: 'best-effort',
        staleReplicaTimeout: '30',
        fsType: 'ext4',
        recurringJobSelector: '[{"name":"default","isGroup":true}]',
      },
    });
    const single = o.longhorn_single_storageclass as IStorageClass;
    expect(single.metadata!.annotations!['storageclass.kubernetes.io/is-default-class']).toBe('false');
    expect(single.reclaimPolicy).toBe('Retain');
    expect(single.parameters).toMatchObject({ numberOfReplicas: '1', dataLocality: 'strict-local', fsType: 'ext4' });
  });

  it('provides the default StorageClass name, so environments do not type it', () => {
    expect(
      providedBy(longhorn({ storageClass: { name: 'block' }, extraStorageClasses: { fast: {} } })).storageClass,
    ).toEqual({
      component: 'longhorn',
      namespace: 'longhorn',
      defaultClass: 'block',
      classes: ['block', 'fast'],
      provisioner: 'driver.longhorn.io',
    });
  });

  it('snapshots hourly and backs up daily every volume of the default group, after the webhook is up', async () => {
    const { objects } = await renderForTest(
      [vault(), longhorn({ backupTarget: { credentialsKey: 'platform/test/longhorn' } })],
      minio,
    );
    const o = objects('longhorn');
    const snapshot = o.snapshot_default_recurringjob as IRecurringJob;
    const backup = o.backup_default_recurringjob as IRecurringJob;
    expect(snapshot.spec).toEqual({
      name: 'snapshot-default',
      task: 'snapshot',
      cron: '0 * * * *',
      retain: 24,
      concurrency: 2,
      groups: ['default'],
    });
    expect(backup.spec).toMatchObject({ task: 'backup', cron: '30 1 * * *', retain: 14, groups: ['default'] });
    expect(snapshot.metadata!.annotations!['argocd.argoproj.io/sync-wave']).toBe('1');
  });

  it('points the backup target at the environment object storage, with an ExternalSecret that adds the endpoint', async () => {
    const { rendered, objects } = await renderForTest(
      [vault(), longhorn({ backupTarget: { credentialsKey: 'platform/test/longhorn' } })],
      minio,
    );
    expect(values(rendered).defaultBackupStore).toEqual({
      backupTarget: 's3://acme-longhorn-backups@us-east-1/',
      backupTargetCredentialSecret: 'longhorn-backup-target',
      pollInterval: 300,
    });
    const secret = objects('longhorn').backup_target_externalsecret as IExternalSecret;
    expect(secret.spec!.secretStoreRef).toEqual({ name: 'platform-vault', kind: 'ClusterSecretStore' });
    expect(secret.spec!.data!.map((d) => [d.secretKey, d.remoteRef.key, d.remoteRef.property])).toEqual([
      ['AWS_ACCESS_KEY_ID', 'platform/test/longhorn', 'AWS_ACCESS_KEY_ID'],
      ['AWS_SECRET_ACCESS_KEY', 'platform/test/longhorn', 'AWS_SECRET_ACCESS_KEY'],
    ]);
    expect(secret.spec!.target!.template).toEqual({
      engineVersion: 'v2',
      mergePolicy: 'Merge',
      data: { AWS_ENDPOINTS: 'http://minio.storage.svc:9000', VIRTUAL_HOSTED_STYLE: 'false' },
    });
    // The ExternalSecret's CRD and store come from external-secrets, so Longhorn syncs after it.
    expect(rendered.components.find((c) => c.name === 'longhorn')!.dependsOn).toEqual(['external-secrets']);
    expect(rendered.objects.some((o) => o.object.kind === 'Secret')).toBe(false);
  });

  it('renders no backup job and no target without a backup target', async () => {
    const { rendered, objects } = await renderForTest([longhorn({ backupTarget: { enabled: false } })], minio);
    expect(objects('longhorn').backup_default_recurringjob).toBeUndefined();
    expect(objects('longhorn').networkpolicy_allow_backup_target).toBeUndefined();
    expect(values(rendered).defaultBackupStore).toBeUndefined();
    const rule = objects('longhorn').alerts_prometheusrule as IPrometheusRule;
    expect(rule.spec.groups![0]!.rules!.map((r) => r.alert)).not.toContain('LonghornVolumeBackupTooOld');
  });

  it('admits the API server at the webhook and the nodes at the share managers, and opens the object storage', async () => {
    const { objects } = await renderForTest([longhorn()]);
    const o = objects('longhorn');
    const spec = (key: string) => (o[key] as KubeObject & { spec: Record<string, unknown> }).spec;
    expect(spec('networkpolicy_allow_webhook')).toEqual({
      podSelector: { matchLabels: { 'longhorn.io/admission-webhook': 'longhorn-admission-webhook' } },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ port: 9502, protocol: 'TCP' }] }],
    });
    expect(spec('networkpolicy_allow_nfs')).toMatchObject({
      podSelector: { matchLabels: { 'longhorn.io/component': 'share-manager' } },
      ingress: [{ ports: [{ port: 2049, protocol: 'TCP' }] }],
    });
    expect(spec('networkpolicy_allow_backup_target')).toMatchObject({
      egress: [{ ports: [{ port: 443, protocol: 'TCP' }] }],
    });
  });

  it('pulls every image through the mirror and lets extra values win', async () => {
    const { rendered } = await renderForTest(
      [longhorn({ backupTarget: { enabled: false }, extraValues: { longhornUI: { replicas: 3 } } })],
      {
        settings: { ...minio.settings, imageRegistryMirror: 'harbor.example.com/' },
      },
    );
    expect(values(rendered).global).toEqual({ imageRegistry: 'harbor.example.com/docker.io' });
    expect(values(rendered).longhornUI.replicas).toBe(3);
  });

  it('labels, annotates and links every alert to its runbook', async () => {
    const { objects } = await renderForTest([longhorn()]);
    const rules = (objects('longhorn').alerts_prometheusrule as IPrometheusRule).spec.groups![0]!.rules!;
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'LonghornVolumeFaulted',
        'LonghornNodeNotReady',
        'LonghornDiskFillingUp',
        'LonghornVolumeBackupTooOld',
      ]),
    );
    for (const rule of rules) {
      expect(rule.for).toBeDefined();
      expect(Object.keys(rule.labels!).sort()).toEqual(['severity', 'team']);
      expect(rule.annotations!.runbook_url).toBe(
        `https://git.example.com/platform/platform/-/blob/main/packages/longhorn/README.md#${rule.alert!.toLowerCase()}`,
      );
    }
    // Free space at 25% stops scheduling; warn 10 points earlier.
    expect(rules.find((r) => r.alert === 'LonghornDiskFillingUp')!.expr).toContain('> 0.65');
  });

  it('passes the policy checks', async () => {
    const { rendered } = await renderForTest(
      [vault(), longhorn({ backupTarget: { credentialsKey: 'platform/test/longhorn' } })],
      minio,
    );
    const findings = runPolicies(rendered).findings.filter((f) => f.component === 'longhorn' && f.severity === 'error');
    expect(findings).toEqual([]);
  });

  it('reports bad configuration with its path', async () => {
    expect(await renderError([longhorn({ storageClass: { replicas: 0 } })])).toBe(
      'test › longhorn › storageClass.replicas: expected a whole number from 1 to 20, got 0',
    );
    expect(await renderError([longhorn({ storageClass: { dataLocality: 'strict-local' } })])).toBe(
      "test › longhorn › storageClass.dataLocality: strict-local keeps exactly one replica on the pod's node; set replicas to 1 (got 3)",
    );
    expect(await renderError([longhorn({ recurringJobs: { snapshot: { cron: '0 * * *' } } })])).toBe(
      'test › longhorn › recurringJobs.snapshot.cron: expected 5 fields (minute hour day-of-month month day-of-week), got 4, got "0 * * *"',
    );
    expect(await renderError([longhorn({ recurringJobs: { backup: { retain: 500 } } })])).toBe(
      'test › longhorn › recurringJobs.backup.retain: expected a whole number from 1 to 100, got 500',
    );
    expect(await renderError([longhorn()], minio)).toContain(
      'test › longhorn › backupTarget.credentialsKey: the object storage minio.storage.svc:9000 is not AWS',
    );
    expect(
      await renderError([
        longhorn({
          recurringJobs: {
            extra: {
              trim: { task: 'filesystem-trim', cron: '0 3 * * 7', retain: 1, concurrency: 1, groups: ['default'] },
            },
          },
        }),
      ]),
    ).toBe('test › longhorn › recurringJobs.extra.trim.cron: day of week "7" is outside 0-6, got "0 3 * * 7"');
    expect(await renderError([longhorn({ storageClas: {} } as never)])).toContain(
      'storageClas: unknown field (did you mean "storageClass"?)',
    );
  });

  it('needs a secret store for the credentials it renders, and says so', async () => {
    expect(
      await renderError([longhorn({ backupTarget: { credentialsKey: 'platform/test/longhorn' } })], minio),
    ).toContain('needs a component that provides "secretStore" (the backup target credentials are an ExternalSecret)');
  });
});
