import { testBuildContext } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import {
  MEMCACHED_EXPORTER_IMAGE,
  MEMCACHED_IMAGE,
  memcached,
  memcachedAddress,
  memcachedMemory,
} from './memcached.js';

const context = testBuildContext('mimir', {});

describe('memcached', () => {
  it("sizes containers by Jsonnet's formula (the values Mimir 3.0.5's Jsonnet renders)", () => {
    expect(memcachedMemory(6144)).toEqual({ request: '6552Mi', limit: '9Gi' });
    expect(memcachedMemory(1024)).toEqual({ request: '1176Mi', limit: '1536Mi' });
    expect(memcachedMemory(512)).toEqual({ request: '638Mi', limit: '768Mi' });
  });

  it('is reusable for any cache: name, size and item size are parameters', () => {
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
    expect(objects.workload.metadata!.name).toBe('memcached-custom');
    expect(objects.workload.spec!.template.spec!.containers[0]!.args).toEqual(['-m 2048', '-I 2m', '-c 1024', '-v']);
    expect(objects.service.spec!.clusterIP).toBe('None');
    expect(objects.pdb?.spec?.maxUnavailable).toBe(1);
    expect(memcachedAddress('memcached-custom', 'mimir', { clusterDomain: 'cluster.local' })).toBe(
      'dns+memcached-custom.mimir.svc.cluster.local.:11211',
    );
  });

  it('runs restricted with explicit users, probes, the pinned images by default and extended options on request', () => {
    const objects = memcached(context, {
      name: 'cache',
      replicas: 2,
      memoryLimitMb: 1024,
      maxItemSizeMb: 5,
      connectionLimit: 16384,
      cpuRequest: '500m',
      cpuLimit: '500m',
      extendedOptions: ['modern', 'track_sizes'],
    });
    const pod = objects.workload.spec!.template.spec!;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 11211, runAsGroup: 11211 });
    const [server, exporter] = pod.containers;
    expect(server!.image).toBe(MEMCACHED_IMAGE);
    expect(server!.args).toEqual(['-m 1024', '-I 5m', '-c 16384', '-v', '--extended=modern,track_sizes']);
    expect(server!.resources).toEqual({
      requests: { cpu: '500m', memory: '1176Mi' },
      limits: { cpu: '500m', memory: '1536Mi' },
    });
    expect(server!.readinessProbe?.tcpSocket?.port).toBe('client');
    expect(server!.livenessProbe?.tcpSocket?.port).toBe('client');
    expect(exporter!.image).toBe(MEMCACHED_EXPORTER_IMAGE);
    expect(exporter!.securityContext).toMatchObject({
      runAsUser: 65534,
      runAsGroup: 65534,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
    });
    expect(exporter!.readinessProbe?.httpGet?.path).toBe('/metrics');
    expect(objects.serviceMonitor!.spec.endpoints[0]!.port).toBe('http-metrics');
  });

  it('starts in the sync wave it is given, and in the default wave otherwise', () => {
    const options = {
      name: 'cache',
      replicas: 1,
      memoryLimitMb: 64,
      maxItemSizeMb: 1,
      connectionLimit: 1024,
      cpuRequest: '100m',
    };
    expect(memcached(context, { ...options, stage: 0 }).workload.metadata!.annotations).toEqual({
      'platform.dev/sync-stage': '0',
    });
    expect(memcached(context, options).workload.metadata!.annotations).toBeUndefined();
  });
});
