import { describe, expect, it } from 'vitest';
import { resolveObjectStorage, resolveSettings, s3CredentialReferences, s3CredentialsEnv } from '../index.js';

const storage = { endpoint: 'minio.storage.svc:9000', region: 'us-east-1', bucketPrefix: 'acme' };

describe('object storage', () => {
  it('addresses buckets by path except on AWS, unless the environment says otherwise', () => {
    expect(resolveObjectStorage(storage).pathStyle).toBe(true);
    expect(resolveObjectStorage({ ...storage, endpoint: 's3.eu-west-1.amazonaws.com' }).pathStyle).toBe(false);
    expect(resolveObjectStorage({ ...storage, endpoint: 's3.amazonaws.com:443' }).pathStyle).toBe(false);
    expect(
      resolveObjectStorage({ ...storage, endpoint: 's3.eu-west-1.amazonaws.com', pathStyle: true }).pathStyle,
    ).toBe(true);
    expect(resolveObjectStorage({ ...storage, pathStyle: false }).pathStyle).toBe(false);
    expect(
      resolveSettings('dev', { baseDomain: 'dev.example.com', objectStorage: storage }).objectStorage.pathStyle,
    ).toBe(true);
  });

  it("hands credentials from the environment's Secret to processes as env references, never as values", () => {
    expect(s3CredentialsEnv(storage)).toEqual([]);
    expect(s3CredentialReferences(storage)).toBeUndefined();
    const secured = { ...storage, credentialsSecret: 'object-storage' };
    expect(s3CredentialsEnv(secured)).toEqual([
      { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'object-storage', key: 'AWS_ACCESS_KEY_ID' } } },
      {
        name: 'AWS_SECRET_ACCESS_KEY',
        valueFrom: { secretKeyRef: { name: 'object-storage', key: 'AWS_SECRET_ACCESS_KEY' } },
      },
    ]);
    expect(s3CredentialReferences(secured)).toEqual({
      accessKey: '${AWS_ACCESS_KEY_ID}',
      secretKey: '${AWS_SECRET_ACCESS_KEY}',
    });
  });
});
