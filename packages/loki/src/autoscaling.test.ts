import type { IDeployment, IHorizontalPodAutoscaler, IPodDisruptionBudget, KubeObject } from '@platform/core';
import { renderError, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { type LokiConfig, loki } from './index.js';

type Config = Parameters<typeof loki>[0];
const autoscaling = { min: 3, max: 9, cpu: 70 };

async function render(config: Config): Promise<Record<string, KubeObject>> {
  return (await renderForTest([loki(config)])).objects('loki');
}

/** The HPA of `part` targets its Deployment with min, max and CPU; the Deployment has no replicas; the PDB stays. */
function expectAutoscaled(objects: Record<string, KubeObject>, part: string): void {
  const deployment = objects[`${part}_deployment`] as IDeployment;
  const hpa = objects[`${part}_hpa`] as IHorizontalPodAutoscaler;
  expect(hpa.spec).toEqual({
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata!.name },
    minReplicas: 3,
    maxReplicas: 9,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
  });
  expect(hpa.metadata!.annotations).toEqual(deployment.metadata!.annotations);
  expect(deployment.spec).not.toHaveProperty('replicas');
  const pdb = objects[`${part}_pdb`] as IPodDisruptionBudget;
  expect(pdb.spec!.maxUnavailable).toBe(1);
  expect(pdb.spec!.selector).toEqual(deployment.spec!.selector);
}

/** Every object of `plain` is in `scaled` unchanged, but for the scaled Deployments' replicas. */
function expectOnlyReplicasDropped(
  plain: Record<string, KubeObject>,
  scaled: Record<string, KubeObject>,
  parts: string[],
): void {
  expect(Object.keys(plain).filter((key) => key.endsWith('_hpa'))).toEqual([]);
  expect(Object.keys(scaled).filter((key) => key.endsWith('_hpa'))).toEqual(parts.map((part) => `${part}_hpa`));
  for (const [key, object] of Object.entries(plain)) {
    if (!parts.some((part) => key === `${part}_deployment`)) expect(scaled[key], key).toEqual(object);
    else {
      const { replicas: _, ...spec } = (object as IDeployment).spec!;
      expect(scaled[key], key).toEqual({ ...object, spec });
    }
  }
}

describe('autoscaling of the stateless read path', () => {
  it('simple-scalable: the read Deployment', async () => {
    const scaled = await render({ read: { autoscaling } });
    expectAutoscaled(scaled, 'read');
    expectOnlyReplicasDropped(await render({}), scaled, ['read']);
  });

  it('microservices: distributors, queriers and query-frontends', async () => {
    const parts = { distributor: 'distributor', querier: 'querier', queryFrontend: 'query_frontend' };
    const scaled = await render({
      mode: 'microservices',
      distributor: { autoscaling },
      querier: { autoscaling },
      queryFrontend: { autoscaling },
    });
    for (const part of Object.values(parts)) expectAutoscaled(scaled, part);
    expectOnlyReplicasDropped(await render({ mode: 'microservices' }), scaled, Object.values(parts).sort());
  });

  it('is not offered on the StatefulSets (write, backend, ingesters, index gateways)', async () => {
    // @ts-expect-error: the write path owns streams and WAL
    loki({ write: { autoscaling } });
    // @ts-expect-error: ingesters own streams and ring tokens
    loki({ mode: 'microservices', ingester: { autoscaling } });
    expect(await renderError([loki({ backend: { autoscaling } } as never)])).toMatch(
      /^test › loki › backend\.autoscaling: unknown field; known fields: /,
    );
  });

  it('rejects it on a section the mode does not run, where it would do nothing', async () => {
    expect(await renderError([loki({ querier: { autoscaling } })])).toBe(
      'test › loki › querier.autoscaling: querier runs only in microservices mode, but mode is simple-scalable: autoscale read instead',
    );
    expect(await renderError([loki({ mode: 'microservices', read: { autoscaling } })])).toBe(
      'test › loki › read.autoscaling: read runs only in simple-scalable mode, but mode is microservices: autoscale distributor, querier, queryFrontend instead',
    );
  });

  it('reports mistakes at the configuration path', async () => {
    const config: Partial<LokiConfig> = {
      read: {
        replicas: 3,
        autoscaling: { min: 3, max: 2 },
        resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { memory: '2Gi' } },
      },
    };
    expect(await renderError([loki(config)])).toBe(
      'test › loki › read.autoscaling.max: must be at least min (3), got 2',
    );
  });
});
