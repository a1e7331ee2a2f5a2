import { configMapFile, container, podSpec } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { renderOpenBao, serverConfigOf, transitSeal } from './fixtures.test-helpers.js';

describe('openbao.json', () => {
  it('serves TLS from the mounted certificate, metrics without a token, and joins the peers over the headless Service', async () => {
    const config = serverConfigOf(await renderOpenBao());
    expect(config.listener).toEqual([
      {
        tcp: {
          address: '[::]:8200',
          cluster_address: '[::]:8201',
          tls_cert_file: '/openbao/tls/tls.crt',
          tls_key_file: '/openbao/tls/tls.key',
          tls_min_version: 'tls12',
          telemetry: { unauthenticated_metrics_access: true },
        },
      },
    ]);
    expect(config.storage).toEqual({
      raft: {
        path: '/openbao/data',
        retry_join: [0, 1, 2].map((i) => ({
          leader_api_addr: `https://openbao-${i}.openbao-internal.openbao.svc.cluster.local:8200`,
          leader_ca_cert_file: '/openbao/tls/ca.crt',
        })),
      },
    });
    expect(config.service_registration).toEqual({ kubernetes: {} });
    expect(config.telemetry).toEqual({ prometheus_retention_time: '24h', disable_hostname: true });
    expect(config.seal).toBeUndefined();
    expect(config.ui).toBe(false);
  });

  it('declares the audit device in the configuration, to the pod log or to its volume', async () => {
    expect(serverConfigOf(await renderOpenBao()).audit).toEqual([
      {
        file: {
          platform: { description: 'Every request and response, to the pod log', options: { file_path: 'stdout' } },
        },
      },
    ]);
    const file = serverConfigOf(await renderOpenBao({ audit: { target: 'file' } })).audit as Array<{
      file: { platform: { options: unknown } };
    }>;
    expect(file[0]!.file.platform.options).toEqual({ file_path: '/openbao/audit/audit.log' });
  });

  it('joins nobody with a single replica', async () => {
    expect(serverConfigOf(await renderOpenBao({ replicas: 1 })).storage).toEqual({ raft: { path: '/openbao/data' } });
  });
});

describe('unseal', () => {
  it('Shamir: no seal stanza, no self-initialization, a plain start', async () => {
    const o = await renderOpenBao();
    expect(container(o.server_statefulset, 'openbao').command).toEqual([
      '/bin/sh',
      '-ec',
      'exec bao server -config=/openbao/config/openbao.json\n',
    ]);
    expect(() => configMapFile(o.bootstrap_configmap, 'self-init.json')).toThrow();
  });

  it('transit: the stanza, the token from its Secret in VAULT_TOKEN, the CA mounted, egress to its port', async () => {
    const o = await renderOpenBao({ unseal: transitSeal });
    expect(serverConfigOf(o).seal).toEqual({
      transit: {
        address: 'https://unseal.example.com:8443',
        key_name: 'openbao-test',
        mount_path: 'transit',
        tls_ca_cert: '/openbao/seal/ca.crt',
      },
    });
    const server = container(o.server_statefulset, 'openbao');
    expect(server.env).toContainEqual({
      name: 'VAULT_TOKEN',
      valueFrom: { secretKeyRef: { name: 'openbao-unseal', key: 'token' } },
    });
    expect(server.volumeMounts).toContainEqual({ name: 'seal', mountPath: '/openbao/seal', readOnly: true });
    expect(o.networkpolicy_allow_unseal_transit).toMatchObject({
      spec: { policyTypes: ['Egress'], egress: [{ ports: [{ port: 8443, protocol: 'TCP' }] }] },
    });
  });

  it('static: the current and previous keys as files from their Secrets', async () => {
    const o = await renderOpenBao({
      unseal: {
        type: 'static',
        static: {
          keySecret: { name: 'unseal-2026', key: 'key' },
          keyId: '20260601-1',
          previous: { keySecret: { name: 'unseal-2025', key: 'key' }, keyId: '20251201-1' },
        },
      },
    });
    expect(serverConfigOf(o).seal).toEqual({
      static: {
        current_key_id: '20260601-1',
        current_key: 'file:///openbao/seal/current.key',
        previous_key_id: '20251201-1',
        previous_key: 'file:///openbao/seal/previous.key',
      },
    });
    const seal = podSpec(o.server_statefulset).volumes!.find((v) => v.name === 'seal');
    expect(seal).toEqual({
      name: 'seal',
      projected: {
        sources: [
          { secret: { name: 'unseal-2026', items: [{ key: 'key', path: 'current.key' }] } },
          { secret: { name: 'unseal-2025', items: [{ key: 'key', path: 'previous.key' }] } },
        ],
      },
    });
  });

  it('awskms: the stanza, credentials from a Secret, egress to 443', async () => {
    const o = await renderOpenBao({
      unseal: {
        type: 'awskms',
        awskms: { region: 'eu-west-1', kmsKeyId: 'alias/openbao', credentialsSecret: 'openbao-kms' },
      },
    });
    expect(serverConfigOf(o).seal).toEqual({ awskms: { region: 'eu-west-1', kms_key_id: 'alias/openbao' } });
    expect(container(o.server_statefulset, 'openbao').envFrom).toEqual([{ secretRef: { name: 'openbao-kms' } }]);
    expect(o.networkpolicy_allow_unseal_kms).toMatchObject({ spec: { egress: [{ ports: [{ port: 443 }] }] } });
  });
});
