import { configMapFile, container } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { renderOpenBao, transitSeal } from './fixtures.test-helpers.js';

describe('bootstrap', () => {
  it('Shamir: every request as a JSON body and a script that writes them in order (the runbook)', async () => {
    const o = await renderOpenBao();
    const script = configMapFile(o.bootstrap_configmap, 'bootstrap.sh');
    expect(script.split('\n').filter((l) => l.startsWith('bao write'))).toEqual([
      "bao write 'sys/auth/kubernetes' - < '/openbao/bootstrap/01-enable-kubernetes-auth.json'",
      "bao write 'auth/kubernetes/config' - < '/openbao/bootstrap/02-configure-kubernetes-auth.json'",
      "bao write 'sys/mounts/secret' - < '/openbao/bootstrap/03-enable-kv.json'",
      "bao write 'sys/policies/acl/external-secrets' - < '/openbao/bootstrap/04-external-secrets-policy.json'",
      "bao write 'auth/kubernetes/role/external-secrets' - < '/openbao/bootstrap/05-external-secrets-role.json'",
      "bao write 'sys/policies/acl/platform-admin' - < '/openbao/bootstrap/06-admin-policy.json'",
      "bao write 'auth/kubernetes/role/platform-admin' - < '/openbao/bootstrap/07-admin-role.json'",
    ]);
    expect(JSON.parse(configMapFile(o.bootstrap_configmap, '03-enable-kv.json'))).toMatchObject({
      type: 'kv',
      options: { version: '2' },
    });
    expect(JSON.parse(configMapFile(o.bootstrap_configmap, '05-external-secrets-role.json'))).toEqual({
      bound_service_account_names: ['external-secrets'],
      bound_service_account_namespaces: ['external-secrets'],
      token_policies: ['external-secrets'],
      token_ttl: '1h',
    });
  });

  it('lets External Secrets read only the configured paths', async () => {
    const o = await renderOpenBao({
      kv: { mountPath: 'kv' },
      externalSecrets: { readPaths: ['platform/test/*', 'shared'] },
    });
    expect(JSON.parse(configMapFile(o.bootstrap_configmap, '04-external-secrets-policy.json')).policy).toBe(
      [
        'path "kv/data/platform/test/*" {\n  capabilities = ["read"]\n}',
        'path "kv/metadata/platform/test/*" {\n  capabilities = ["read", "list"]\n}',
        'path "kv/data/shared" {\n  capabilities = ["read"]\n}',
        'path "kv/metadata/shared" {\n  capabilities = ["read", "list"]\n}',
      ].join('\n'),
    );
  });

  it('auto-unseal: the same requests as self-initialization, brought by pod 0 only, and only onto a new cluster', async () => {
    const o = await renderOpenBao({ unseal: transitSeal });
    const init = JSON.parse(configMapFile(o.bootstrap_configmap, 'self-init.json'));
    const requests = init.initialize[0].platform.request as Array<Record<string, { path: string }>>;
    expect(requests.map((r) => Object.keys(r)[0])).toEqual([
      'enable-kubernetes-auth',
      'configure-kubernetes-auth',
      'enable-kv',
      'external-secrets-policy',
      'external-secrets-role',
      'admin-policy',
      'admin-role',
    ]);
    expect(requests[4]!['external-secrets-role']).toMatchObject({
      operation: 'update',
      path: 'auth/kubernetes/role/external-secrets',
    });
    const start = container(o.server_statefulset, 'openbao').command![2]!;
    expect(start).toContain('if [ "$BAO_K8S_POD_NAME" = "openbao-0" ]; then');
    expect(start).toContain(
      'for peer in openbao-1.openbao-internal.openbao.svc.cluster.local openbao-2.openbao-internal.openbao.svc.cluster.local; do',
    );
    expect(start).toContain('args="$args -config=/openbao/bootstrap/self-init.json"');
    // A peer that answers as initialized makes pod 0 join instead.
    expect(start.indexOf('exec bao server $args')).toBeLessThan(
      start.indexOf('-config=/openbao/bootstrap/self-init.json'),
    );
  });

  it('auto-unseal without self-initialization falls back to the runbook', async () => {
    const o = await renderOpenBao({ unseal: transitSeal, selfInit: false });
    expect(() => configMapFile(o.bootstrap_configmap, 'self-init.json')).toThrow();
    expect(container(o.server_statefulset, 'openbao').command![2]).toBe(
      'exec bao server -config=/openbao/config/openbao.json\n',
    );
  });

  it('binds the break-glass admin role to a ServiceAccount that runs no pod', async () => {
    const o = await renderOpenBao();
    expect(JSON.parse(configMapFile(o.bootstrap_configmap, '07-admin-role.json'))).toMatchObject({
      bound_service_account_names: ['openbao-admin'],
      bound_service_account_namespaces: ['openbao'],
      token_policies: ['platform-admin'],
    });
    expect(o.admin_serviceaccount).toMatchObject({
      metadata: { name: 'openbao-admin' },
      automountServiceAccountToken: false,
    });
  });
});
