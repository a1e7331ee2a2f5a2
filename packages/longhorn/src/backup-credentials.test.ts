import { applicationSetElement, renderError, renderForTest } from '@platform/core/testing';
import { externalSecrets, type IExternalSecret } from '@platform/external-secrets';
import { describe, expect, it } from 'vitest';
import { longhorn, longhornBackupCredentials } from './index.js';

/** A secret store that itself waits for Longhorn, as OpenBao on Raft volumes does. */
const storeOnLonghorn = () =>
  externalSecrets({ store: { server: 'https://vault.example.com:8200' } }).after('longhorn');
const minio = {
  settings: {
    baseDomain: 'selfhosted.example.com',
    objectStorage: { endpoint: 'minio.storage.svc:9000', region: 'us-east-1', bucketPrefix: 'acme', pathStyle: true },
  },
};

describe('longhornBackupCredentials', () => {
  it('lets Longhorn sync before a store that needs its volumes, the credentials after that store', async () => {
    const { rendered, objects } = await renderForTest(
      [
        storeOnLonghorn(),
        longhorn({ backupTarget: { separateCredentials: true } }),
        longhornBackupCredentials({ key: 'platform/test/longhorn' }),
      ],
      minio,
    );
    const dependsOn = (name: string) => rendered.components.find((c) => c.name === name)!.dependsOn;
    expect(dependsOn('longhorn')).toEqual([]);
    expect(dependsOn('longhorn-backup-credentials').sort()).toEqual(['external-secrets', 'longhorn']);
    expect(objects('longhorn').backup_target_externalsecret).toBeUndefined();
    const secret = objects('longhorn-backup-credentials').backup_target_externalsecret as IExternalSecret;
    expect(secret.metadata!.namespace).toBe('longhorn');
    expect(secret.spec!.target!.name).toBe('longhorn-backup-target');
    expect(secret.spec!.target!.template!.data).toEqual({
      AWS_ENDPOINTS: 'https://minio.storage.svc:9000',
      VIRTUAL_HOSTED_STYLE: 'false',
    });
    const values = applicationSetElement(rendered, 'longhorn').sources[0]!.helm!.valuesObject;
    expect(values.defaultBackupStore.backupTargetCredentialSecret).toBe('longhorn-backup-target');
  });

  it('fails without the credentials component, with both store paths, or in another namespace', async () => {
    expect(
      await renderError([storeOnLonghorn(), longhorn({ backupTarget: { separateCredentials: true } })], minio),
    ).toContain('longhornBackupCredentials');
    expect(
      await renderError(
        [
          storeOnLonghorn(),
          longhorn({ backupTarget: { separateCredentials: true, credentialsKey: 'platform/test/longhorn' } }),
          longhornBackupCredentials({ key: 'platform/test/longhorn' }),
        ],
        minio,
      ),
    ).toContain('test › longhorn › backupTarget.credentialsKey: with separateCredentials');
    expect(
      await renderError(
        [
          storeOnLonghorn(),
          longhorn({ backupTarget: { separateCredentials: true } }),
          longhornBackupCredentials({ key: 'platform/test/longhorn' }).inNamespace('storage', { create: false }),
        ],
        minio,
      ),
    ).toContain(
      'backupTarget.separateCredentials: "longhorn-backup-credentials" renders the credentials in namespace "storage"',
    );
    expect(await renderError([storeOnLonghorn(), longhorn(), longhornBackupCredentials()], minio)).toContain(
      'test › longhorn-backup-credentials › key: the store path of the backup target key pair is required',
    );
  });
});
