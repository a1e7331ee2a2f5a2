import { describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH_INTERVAL, externalSecret } from './external-secret.js';

describe('externalSecret()', () => {
  it('makes the operator create and own the Secret from the platform store, kept when the ExternalSecret goes', () => {
    const secret = externalSecret({
      name: 'grafana-admin',
      namespace: 'grafana',
      data: {
        'admin-user': { key: 'platform/prod/grafana-admin', property: 'admin-user' },
        'admin-password': { key: 'platform/prod/grafana-admin', property: 'admin-password' },
      },
    });
    expect(DEFAULT_REFRESH_INTERVAL).toBe('1h');
    expect(secret).toEqual({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'grafana-admin', namespace: 'grafana' },
      spec: {
        refreshInterval: '1h',
        secretStoreRef: { name: 'platform-vault', kind: 'ClusterSecretStore' },
        target: { name: 'grafana-admin', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
        data: [
          { secretKey: 'admin-user', remoteRef: { key: 'platform/prod/grafana-admin', property: 'admin-user' } },
          {
            secretKey: 'admin-password',
            remoteRef: { key: 'platform/prod/grafana-admin', property: 'admin-password' },
          },
        ],
      },
    });
  });

  it('takes a store, a refresh interval, whole-secret values and a component for the labels', () => {
    const secret = externalSecret({
      name: 'sre-push-credentials',
      namespace: 'alloy',
      store: { name: 'org-vault', kind: 'ClusterSecretStore' },
      refreshInterval: '15m',
      data: { config: { key: 'platform/prod/alloy-config' } },
      component: 'alloy',
    });
    expect(secret.spec).toMatchObject({
      refreshInterval: '15m',
      secretStoreRef: { name: 'org-vault', kind: 'ClusterSecretStore' },
    });
    expect(secret.spec!.data).toEqual([{ secretKey: 'config', remoteRef: { key: 'platform/prod/alloy-config' } }]);
    expect(secret.metadata!.labels).toMatchObject({
      'app.kubernetes.io/part-of': 'alloy',
      'app.kubernetes.io/component': 'external-secret',
    });
  });

  it('does not share the store reference it was given', () => {
    const store = { name: 'org-vault', kind: 'ClusterSecretStore' as const };
    const secret = externalSecret({ name: 'x', namespace: 'n', store, data: { a: { key: 'k' } } });
    secret.spec!.secretStoreRef!.name = 'changed';
    expect(store.name).toBe('org-vault');
  });

  it('rejects what the API server or the operator would reject, naming each problem', () => {
    expect(() => externalSecret({ name: 'x', namespace: 'n', data: {} })).toThrow(
      'ExternalSecret/x › spec.data: an ExternalSecret needs at least one key (the operator rejects one with neither data nor dataFrom)',
    );
    expect(() => externalSecret({ name: 'Grafana_Admin', namespace: 'n', data: { a: { key: 'k' } } })).toThrow(
      "ExternalSecret/Grafana_Admin › metadata.name: expected a Secret name (lower-case letters, digits, '-' and '.'), got \"Grafana_Admin\"",
    );
    expect(() => externalSecret({ name: 'x', namespace: 'my.ns', data: { a: { key: 'k' } } })).toThrow(
      'metadata.namespace: expected a namespace name (a DNS label), got "my.ns"',
    );
    expect(() =>
      externalSecret({ name: 'x', namespace: 'n', refreshInterval: '1d', data: { a: { key: 'k' } } }),
    ).toThrow('spec.refreshInterval: expected a Go duration such as "1h" or "15m" ("0" never refreshes), got "1d"');
    expect(() => externalSecret({ name: 'x', namespace: 'n', data: { 'admin password': { key: 'k' } } })).toThrow(
      'spec.data[secretKey=admin password]: "admin password" is not a valid Secret key',
    );
    expect(() => externalSecret({ name: 'x', namespace: 'n', data: { a: { key: '/platform/x' } } })).toThrow(
      'spec.data[secretKey=a].remoteRef.key: expected a path in the store relative to its mount, such as "platform/prod/grafana-admin", got "/platform/x"',
    );
    expect(() => externalSecret({ name: 'x', namespace: 'n', data: { a: { key: 'k', property: '' } } })).toThrow(
      'spec.data[secretKey=a].remoteRef.property: leave property unset',
    );
    // Every problem at once.
    expect(() => externalSecret({ name: 'X', namespace: 'N', data: {} })).toThrow(
      /metadata\.name[\s\S]*metadata\.namespace[\s\S]*spec\.data/,
    );
  });

  it('accepts "0" (never refresh) and compound Go durations', () => {
    expect(
      externalSecret({ name: 'x', namespace: 'n', refreshInterval: '0', data: { a: { key: 'k' } } }).spec!
        .refreshInterval,
    ).toBe('0');
    expect(
      externalSecret({ name: 'x', namespace: 'n', refreshInterval: '1h30m', data: { a: { key: 'k' } } }).spec!
        .refreshInterval,
    ).toBe('1h30m');
  });
});
