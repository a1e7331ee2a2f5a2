import { stageAnnotations } from '@platform/core';
import { testBuildContext } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { databaseTarget } from './database-target.js';
import { database, resources } from './fixtures.test-helpers.js';

const context = testBuildContext('loki', {});

describe('databaseTarget', () => {
  it('names the objects after the target and stages Deployments stateless', () => {
    const objects = databaseTarget(context, database, 'deployment', { name: 'query-frontend', replicas: 2, resources });
    expect(Object.keys(objects).sort()).toEqual([
      'query_frontend_deployment',
      'query_frontend_pdb',
      'query_frontend_service',
      'query_frontend_servicemonitor',
    ]);
    const workload = objects.query_frontend_deployment;
    expect(workload.kind).toBe('Deployment');
    expect(workload.metadata!.annotations).toMatchObject(stageAnnotations(2));
    expect(workload.spec!.template.spec!.containers[0]!.args).toContain('-target=query-frontend');
  });

  it('stages StatefulSets stateful with a headless Service, and merges Service options over the target’s ports', () => {
    const headless = databaseTarget(context, database, 'statefulset', { name: 'ingester', resources });
    expect(headless.ingester_statefulset.metadata!.annotations).toMatchObject(stageAnnotations(1));
    expect(headless.ingester_service!.spec!.clusterIP).toBe('None');
    const clusterIp = databaseTarget(
      context,
      database,
      'statefulset',
      { name: 'write', resources },
      { service: { headless: false } },
    );
    expect(clusterIp.write_service!.spec!.clusterIP).toBeUndefined();
    expect(clusterIp.write_service!.spec!.ports!.map((p) => p.name)).toEqual(['http-metrics', 'grpc']);
  });

  it('passes other workload options through and drops what they turn off', () => {
    const objects = databaseTarget(
      context,
      database,
      'statefulset',
      { name: 'live-store-zone-a', target: 'live-store', replicas: 2, resources, stage: 5 },
      { pdb: false, serviceAccountName: 'loki', service: false },
    );
    expect(objects.live_store_zone_a_pdb).toBeUndefined();
    expect(objects.live_store_zone_a_service).toBeUndefined();
    const pod = objects.live_store_zone_a_statefulset.spec!.template.spec!;
    expect(pod.serviceAccountName).toBe('loki');
    expect(pod.containers[0]!.args).toContain('-target=live-store');
    expect(objects.live_store_zone_a_statefulset.metadata!.annotations).toMatchObject(stageAnnotations(5));
  });
});
