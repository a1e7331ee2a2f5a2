import { describe, expect, it } from 'vitest';
import { memcached, memcachedAddress, memcachedMemory } from './memcached.js';
import { buildContext } from './mimir.test-helpers.js';

describe('memcached', () => {
  it('sizes containers by Jsonnet\'s formula (the values Mimir 3.0.5\'s Jsonnet renders)', () => {
    expect(memcachedMemory(6144)).toEqual({ request: '6552Mi', limit: '9Gi' });
    expect(memcachedMemory(1024)).toEqual({ request: '1176Mi', limit: '1536Mi' });
    expect(memcachedMemory(512)).toEqual({ request: '638Mi', limit: '768Mi' });
  });

  it('is reusable for any cache: name, size and item size are parameters', () => {
    const context = buildContext();
    const objects = memcached(context, {
      name: 'memcached-custom',
      image: 'memcached:1.6.34-alpine',
      exporterImage: 'prom/memcached-exporter:v0.15.3',
      replicas: 1,
      memoryLimitMb: 2048,
      maxItemSizeMb: 2,
      connectionLimit: 1024,
      cpuRequest: '250m',
      exporterResources: { requests: { cpu: '10m', memory: '20Mi' }, limits: { memory: '40Mi' } },
    });
    expect(objects.statefulSet.metadata!.name).toBe('memcached-custom');
    expect(objects.statefulSet.spec!.template.spec!.containers[0]!.args).toEqual(['-m 2048', '-I 2m', '-c 1024', '-v']);
    expect(objects.service.spec!.clusterIP).toBe('None');
    expect(objects.pdb?.spec?.maxUnavailable).toBe(1);
    expect(memcachedAddress('memcached-custom', 'mimir', { clusterDomain: 'cluster.local' })).toBe('dns+memcached-custom.mimir.svc.cluster.local.:11211');
  });
});
