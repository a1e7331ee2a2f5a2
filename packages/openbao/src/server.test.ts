import type { ICertificate } from '@platform/cert-manager';
import type { IService, IStatefulSet } from '@platform/core';
import { container, podSpec } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { renderOpenBao } from './fixtures.test-helpers.js';

describe('openbao server', () => {
  it('runs a Raft cluster of three voters, one per node, each on its own volume, restricted', async () => {
    const o = await renderOpenBao();
    const set = o.server_statefulset as IStatefulSet;
    expect(set.spec!.replicas).toBe(3);
    expect(set.spec!.podManagementPolicy).toBe('Parallel');
    expect(set.spec!.serviceName).toBe('openbao-internal');
    expect(
      set.spec!.volumeClaimTemplates!.map((c) => [c.metadata!.name, c.spec!.resources!.requests!.storage]),
    ).toEqual([['data', '10Gi']]);
    const pod = podSpec(set);
    expect(pod.affinity!.podAntiAffinity!.requiredDuringSchedulingIgnoredDuringExecution![0]!.topologyKey).toBe(
      'kubernetes.io/hostname',
    );
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 100, runAsGroup: 1000, fsGroup: 1000 });
    for (const c of pod.containers)
      expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(o.server_pdb).toMatchObject({ spec: { maxUnavailable: 1 } });
    // Peers resolve each other before they are ready: they only get ready once joined and unsealed.
    expect((o.server_service as IService).spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    expect((o.api_service as IService).spec!.ports).toEqual([
      { name: 'https', port: 8200, targetPort: 'https', protocol: 'TCP' },
    ]);
    expect((o.api_service as IService).spec!.publishNotReadyAddresses).toBeUndefined();
  });

  it('is ready only unsealed, and alive whenever it answers, so a sealed pod waits for its operator', async () => {
    const server = container((await renderOpenBao()).server_statefulset, 'openbao');
    expect(server.readinessProbe!.httpGet).toEqual({
      path: '/v1/sys/health?standbyok=true',
      port: 'https',
      scheme: 'HTTPS',
    });
    expect(server.livenessProbe!.httpGet!.path).toBe('/v1/sys/health?standbyok=true&sealedcode=204&uninitcode=204');
  });

  it('advertises each pod by its stable name and uses it as the Raft node id', async () => {
    const env = container((await renderOpenBao()).server_statefulset, 'openbao').env!;
    const value = (name: string) => env.find((e) => e.name === name)?.value;
    expect(value('BAO_API_ADDR')).toBe('https://$(BAO_K8S_POD_NAME).openbao-internal.openbao.svc.cluster.local:8200');
    expect(value('BAO_CLUSTER_ADDR')).toBe(
      'https://$(BAO_K8S_POD_NAME).openbao-internal.openbao.svc.cluster.local:8201',
    );
    expect(value('BAO_RAFT_NODE_ID')).toBe('$(BAO_K8S_POD_NAME)');
    // Kubernetes expands $(VAR) only from variables defined earlier in the list.
    expect(env.findIndex((e) => e.name === 'BAO_K8S_POD_NAME')).toBeLessThan(
      env.findIndex((e) => e.name === 'BAO_API_ADDR'),
    );
  });

  it('gets its certificate from the environment issuer before the pods start, for every name it is dialled by', async () => {
    const o = await renderOpenBao({ tls: { extraDnsNames: ['bao.example.com'] } });
    const cert = o.tls_certificate as ICertificate;
    expect(cert.spec).toMatchObject({
      secretName: 'openbao-tls',
      duration: '2160h',
      renewBefore: '720h',
      issuerRef: { name: 'platform-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      ipAddresses: ['127.0.0.1'],
    });
    expect(cert.spec!.dnsNames).toEqual(
      expect.arrayContaining([
        'openbao.openbao.svc',
        '*.openbao-internal.openbao.svc.cluster.local',
        'bao.example.com',
      ]),
    );
    const wave = (x: unknown) =>
      Number((x as IStatefulSet).metadata!.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);
    expect(wave(o.server_statefulset)).toBeGreaterThan(wave(o.tls_certificate));
  });

  it('reloads the listener certificate with SIGHUP when cert-manager rotates it, from a sidecar that reads only it', async () => {
    const set = (await renderOpenBao()).server_statefulset;
    const pod = podSpec(set);
    expect(pod.shareProcessNamespace).toBe(true);
    const reloader = container(set, 'tls-reloader');
    expect(reloader.command!.join(' ')).toContain('pkill -HUP -x bao');
    expect(reloader.volumeMounts!.map((m) => m.name).sort()).toEqual(['tls', 'tmp']);
    expect(reloader.resources!.limits!.memory).toBe('32Mi');
  });

  it('rolls the pods when the configuration changes', async () => {
    const checksum = async (logLevel: 'info' | 'debug') =>
      ((await renderOpenBao({ logLevel })).server_statefulset as IStatefulSet).spec!.template.metadata!.annotations![
        'checksum/config'
      ];
    expect(await checksum('info')).not.toBe(await checksum('debug'));
  });

  it('writes the audit log to its own volume when asked', async () => {
    const set = (await renderOpenBao({ audit: { target: 'file', storage: { size: '20Gi' } } }))
      .server_statefulset as IStatefulSet;
    expect(set.spec!.volumeClaimTemplates!.map((c) => c.metadata!.name)).toEqual(['data', 'audit']);
    expect(container(set, 'openbao').volumeMounts).toContainEqual({ name: 'audit', mountPath: '/openbao/audit' });
  });
});
