import { replace } from '@platform/core';
import { container, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { mimir } from './index.js';
import { view, workload } from './mimir.test-helpers.js';

describe('configure()', () => {
  it('deep-merges configuration layers: replicas, resources, volumes, images, extra flags', async () => {
    const component = mimir({ ingester: { replicas: 6 } }).configure({
      ingester: {
        resources: { limits: { memory: '8Gi' } },
        storage: { size: '100Gi', storageClassName: 'fast' },
        extraArgs: { 'log.level': 'debug' },
      },
      querier: { replicas: 4 },
      images: { mimir: 'registry.example.com/grafana/mimir:3.0.6' },
    });
    const { objects } = await renderForTest([component]);
    const o = objects('mimir');
    const ingester = workload(o.ingester_statefulset);
    expect(ingester.spec.replicas).toBe(6);
    expect(container(ingester, 'ingester').resources).toEqual({
      requests: { cpu: '1', memory: '2Gi' },
      limits: { memory: '8Gi' },
    });
    expect(container(ingester, 'ingester').args).toContain('-log.level=debug');
    expect(container(ingester, 'ingester').image).toBe('registry.example.com/grafana/mimir:3.0.6');
    const claim = view<Array<{ spec: { storageClassName?: string; resources: { requests: { storage: string } } } }>>(
      ingester.spec.volumeClaimTemplates,
    )[0]!;
    expect(claim.spec).toMatchObject({ storageClassName: 'fast', resources: { requests: { storage: '100Gi' } } });
    expect(workload(o.querier_deployment).spec.replicas).toBe(4);
  });

  it('puts per-tenant overrides into the runtime ConfigMap, which every component mounts', async () => {
    const { objects } = await renderForTest([
      mimir({ overrides: { 'team-a': { ingestion_rate: 50000, max_global_series_per_user: 1000000 } } }),
    ]);
    const runtime = view<{ metadata: { name: string }; data: Record<string, string> }>(
      objects('mimir').runtime_configmap,
    );
    expect(runtime.metadata.name).toBe('mimir-runtime');
    expect(runtime.data['runtime.yaml']).toBe(
      'overrides:\n  team-a:\n    ingestion_rate: 50000\n    max_global_series_per_user: 1000000\n',
    );
    expect(workload(objects('mimir').querier_deployment).spec.template.spec.volumes).toContainEqual({
      name: 'runtime',
      configMap: { name: 'mimir-runtime' },
    });
  });

  it('rolls the pods when mimir.yaml changes, not when only replicas change', async () => {
    const hash = async (config: Parameters<typeof mimir>[0]) => {
      const { objects } = await renderForTest([mimir(config)]);
      return workload(objects('mimir').distributor_deployment).spec.template.metadata.annotations!['checksum/config'];
    };
    const base = await hash({});
    expect(await hash({ distributor: { replicas: 5 } })).toBe(base);
    expect(await hash({ limits: { ingestionRate: 20000 } })).not.toBe(base);
  });
});

describe('override()', () => {
  it('merges an env var into the ingester container by name, keeping everything else', async () => {
    const component = mimir().override({
      ingester_statefulset: {
        spec: { template: { spec: { containers: [{ name: 'ingester', env: [{ name: 'GOMAXPROCS', value: '4' }] }] } } },
      },
    });
    const { objects } = await renderForTest([component]);
    const ingester = container(objects('mimir').ingester_statefulset, 'ingester');
    expect(ingester.env).toEqual([{ name: 'GOMAXPROCS', value: '4' }]);
    expect(ingester.image).toBe('grafana/mimir:3.0.6');
    expect(ingester.args).toContain('-target=ingester');
    expect(ingester.volumeMounts).toContainEqual({ name: 'ingester-data', mountPath: '/data' });
  });

  it('patches deep fields, replaces lists on request and deletes objects with null', async () => {
    const component = mimir().override({
      distributor_deployment: { spec: { template: { spec: { nodeSelector: { pool: 'ingest' } } } } },
      querier_deployment: {
        spec: {
          template: {
            spec: {
              tolerations: replace([{ key: 'dedicated', operator: 'Equal', value: 'mimir', effect: 'NoSchedule' }]),
            },
          },
        },
      },
      memcached_chunks_pdb: null,
    });
    const { objects } = await renderForTest([component]);
    const o = objects('mimir');
    expect(workload(o.distributor_deployment).spec.template.spec.nodeSelector).toEqual({ pool: 'ingest' });
    expect(workload(o.querier_deployment).spec.template.spec.tolerations).toEqual([
      { key: 'dedicated', operator: 'Equal', value: 'mimir', effect: 'NoSchedule' },
    ]);
    expect(o.memcached_chunks_pdb).toBeUndefined();
    expect(o.memcached_chunks_statefulset).toBeDefined();
  });

  it('names the misspelt object and suggests the right one', async () => {
    const component = mimir().override({ ingester_statefulsets: { spec: { replicas: 2 } } } as never);
    await expect(renderForTest([component])).rejects.toThrow(
      'test › mimir › override.ingester_statefulsets: the component renders no object named "ingester_statefulsets" (did you mean "ingester_statefulset"?)',
    );
  });
});
