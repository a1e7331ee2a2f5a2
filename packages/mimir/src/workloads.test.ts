import { hungProcessProbe, type KubeObject } from '@platform/core';
import { container } from '@platform/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIMIR_WORKLOADS, RING_MEMBERS, renderMimir, workload } from './mimir.test-helpers.js';

let objects: Record<string, KubeObject>;
beforeAll(async () => {
  objects = await renderMimir();
});

describe('every Mimir workload', () => {
  for (const [name, key] of Object.entries(MIMIR_WORKLOADS)) {
    it(`${name}: image, target, config file, ports, readiness and liveness probes, writable /data, service account`, () => {
      const pod = workload(objects[key]).spec.template;
      const mimir = container(objects[key], name);
      expect(mimir.image).toBe('grafana/mimir:3.0.6');
      expect(mimir.args).toContain(`-target=${name}`);
      expect(mimir.args).toContain('-config.file=/etc/mimir/mimir.yaml');
      expect(mimir.args).not.toContain('-config.expand-env=true');
      const flagNames = mimir.args!.map((arg) => arg.slice(1, arg.indexOf('=')));
      expect(flagNames, "flags are sorted by name, as Jsonnet's mapToFlags does").toEqual([...flagNames].sort());

      const ports = Object.fromEntries((mimir.ports ?? []).map((p) => [p.name, p.containerPort]));
      const ringMember = RING_MEMBERS.includes(name);
      expect(ports).toEqual(
        ringMember ? { 'http-metrics': 8080, grpc: 9095, 'gossip-ring': 7946 } : { 'http-metrics': 8080, grpc: 9095 },
      );
      expect(pod.metadata.labels.gossip_ring_member).toBe(ringMember ? 'true' : undefined);

      expect(mimir.readinessProbe).toEqual({
        httpGet: { path: '/ready', port: 8080 },
        initialDelaySeconds: 15,
        timeoutSeconds: 1,
      });
      // Not /ready (false during WAL replay and ring hand-over): only a port that stopped accepting connections.
      expect(mimir.livenessProbe).toEqual(hungProcessProbe(8080));
      expect(mimir.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
      });
      expect(pod.spec.securityContext).toMatchObject({ runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001 });
      expect(pod.spec.serviceAccountName).toBe('mimir');

      const mounts = Object.fromEntries((mimir.volumeMounts ?? []).map((m) => [m.mountPath, m.name]));
      expect(mounts['/etc/mimir']).toBe('config');
      expect(mounts['/var/mimir']).toBe('runtime');
      expect(mounts['/tmp']).toBe('tmp');
      expect(mounts['/data']).toBeDefined();
      expect(pod.metadata.annotations?.['checksum/config']).toMatch(/^[0-9a-f]{64}$/);

      expect(mimir.resources?.requests?.cpu).toBeDefined();
      expect(mimir.resources?.requests?.memory).toBeDefined();
      expect(mimir.resources?.limits?.memory).toBeDefined();
    });
  }

  it('PVC-backed components keep /data on a claim, the others on an emptyDir', () => {
    const claims = (key: string) =>
      workload(objects[key]).spec.volumeClaimTemplates as Array<{
        metadata: { name: string };
        spec: { resources: { requests: { storage: string } } };
      }>;
    expect(claims('ingester_statefulset').map((c) => [c.metadata.name, c.spec.resources.requests.storage])).toEqual([
      ['ingester-data', '20Gi'],
    ]);
    expect(
      claims('store_gateway_statefulset').map((c) => [c.metadata.name, c.spec.resources.requests.storage]),
    ).toEqual([['store-gateway-data', '10Gi']]);
    expect(claims('compactor_statefulset').map((c) => [c.metadata.name, c.spec.resources.requests.storage])).toEqual([
      ['compactor-data', '20Gi'],
    ]);
    expect(claims('alertmanager_statefulset').map((c) => [c.metadata.name, c.spec.resources.requests.storage])).toEqual(
      [['alertmanager-data', '1Gi']],
    );
    for (const [name, key] of [
      ['ingester', 'ingester_statefulset'],
      ['store-gateway', 'store_gateway_statefulset'],
      ['compactor', 'compactor_statefulset'],
      ['alertmanager', 'alertmanager_statefulset'],
    ] as const) {
      expect(container(objects[key], name).volumeMounts).toContainEqual({ name: `${name}-data`, mountPath: '/data' });
    }
    for (const key of [
      'distributor_deployment',
      'querier_deployment',
      'query_frontend_deployment',
      'query_scheduler_deployment',
      'ruler_deployment',
    ]) {
      expect(workload(objects[key]).spec.template.spec.volumes).toContainEqual({ name: 'data', emptyDir: {} });
    }
  });
});

describe('first sync', () => {
  const wave = (key: string) => objects[key]!.metadata?.annotations?.['argocd.argoproj.io/sync-wave'];

  it('starts the caches, then the ring members that own data, then the read and write paths', () => {
    const waves: Record<string, string[]> = {
      '0': ['memcached_chunks', 'memcached_index_queries', 'memcached_metadata', 'memcached_frontend'],
      '1': ['ingester', 'store_gateway', 'compactor', 'alertmanager'],
    };
    for (const [expected, parts] of Object.entries(waves))
      for (const part of parts) expect(wave(`${part}_statefulset`), part).toBe(expected);
    for (const part of ['distributor', 'querier', 'query_frontend', 'query_scheduler', 'ruler'])
      expect(wave(`${part}_deployment`), part).toBe('2');
  });

  it('leaves Services, PodDisruptionBudgets and ConfigMaps in the default wave: they start no pods', () => {
    for (const key of [
      'ingester_service',
      'ingester_pdb',
      'distributor_service',
      'gossip_ring_service',
      'config_configmap',
      'runtime_configmap',
    ]) {
      expect(wave(key), key).toBeUndefined();
    }
  });
});
