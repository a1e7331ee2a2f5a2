import type { KubeObject } from '@platform/core';
import { container } from '@platform/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMimir, view, workload } from './mimir.test-helpers.js';

let objects: Record<string, KubeObject>;
beforeAll(async () => {
  objects = await renderMimir();
});

describe('memcached caches', () => {
  const CACHES = [
    [
      'memcached_chunks',
      'memcached-chunks',
      ['-m 1024', '-I 1m', '-c 16384', '-v'],
      { cpu: '100m', memory: '1176Mi' },
      '1536Mi',
    ],
    [
      'memcached_index_queries',
      'memcached-index-queries',
      ['-m 512', '-I 5m', '-c 16384', '-v'],
      { cpu: '100m', memory: '638Mi' },
      '768Mi',
    ],
    [
      'memcached_metadata',
      'memcached-metadata',
      ['-m 256', '-I 1m', '-c 16384', '-v'],
      { cpu: '100m', memory: '369Mi' },
      '384Mi',
    ],
    [
      'memcached_frontend',
      'memcached-frontend',
      ['-m 512', '-I 5m', '-c 16384', '-v'],
      { cpu: '100m', memory: '638Mi' },
      '768Mi',
    ],
  ] as const;

  for (const [key, name, args, requests, limit] of CACHES) {
    it(`${name}: memcached and exporter containers, headless Service, PDB, ServiceMonitor`, () => {
      const statefulSet = workload(objects[`${key}_statefulset`]);
      expect(statefulSet.metadata!.name).toBe(name);
      expect(statefulSet.spec.replicas).toBe(2);
      expect(statefulSet.spec.minReadySeconds).toBe(60);
      const memcached = container(statefulSet, 'memcached');
      expect(memcached.image).toBe('memcached:1.6.40-alpine');
      expect(memcached.args).toEqual(args);
      expect(memcached.ports).toEqual([{ name: 'client', containerPort: 11211, protocol: 'TCP' }]);
      expect(memcached.resources).toEqual({ requests, limits: { memory: limit } });
      const exporter = container(statefulSet, 'exporter');
      expect(exporter.image).toBe('prom/memcached-exporter:v0.15.5');
      expect(exporter.args).toEqual(['--memcached.address=localhost:11211', '--web.listen-address=0.0.0.0:9150']);
      expect(exporter.ports).toEqual([{ name: 'http-metrics', containerPort: 9150, protocol: 'TCP' }]);
      // The images name their users (memcache, nobody); Kubernetes needs numbers to enforce runAsNonRoot.
      expect(statefulSet.spec.template.spec.securityContext).toMatchObject({ runAsUser: 11211, runAsNonRoot: true });
      expect(exporter.securityContext).toMatchObject({ runAsUser: 65534, readOnlyRootFilesystem: true });

      const service = view<{
        metadata: { name: string };
        spec: { clusterIP: string; ports: Array<{ name: string; port: number }> };
      }>(objects[`${key}_service`]);
      expect(service.metadata.name).toBe(name);
      expect(service.spec.clusterIP).toBe('None');
      expect(service.spec.ports.map((p) => [p.name, p.port])).toEqual([
        ['client', 11211],
        ['http-metrics', 9150],
      ]);
      expect(objects[`${key}_pdb`]).toBeDefined();
      expect(
        view<{ spec: { endpoints: Array<{ port: string }> } }>(objects[`${key}_servicemonitor`]).spec.endpoints[0]!
          .port,
      ).toBe('http-metrics');
    });
  }
});
