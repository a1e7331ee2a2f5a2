import type { IDeployment, IHorizontalPodAutoscaler, IPodDisruptionBudget, KubeObject } from '@platform/core';
import { renderError, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { tempo } from './index.js';

const KAFKA = 'kafka.kafka.svc.cluster.local:9092';
const PARTS = { distributor: 'distributor', querier: 'querier', queryFrontend: 'query_frontend' } as const;
const autoscaling = { min: 2, max: 6, cpu: 70 };

async function render(config: Parameters<typeof tempo>[0] = {}): Promise<Record<string, KubeObject>> {
  return (await renderForTest([tempo({ kafka: { address: KAFKA }, ...config })])).objects('tempo');
}

describe('autoscaling of the microservices read and write paths', async () => {
  const plain = await render();
  const scaled = await render({
    distributor: { autoscaling },
    querier: { autoscaling },
    queryFrontend: { autoscaling },
  });

  for (const [section, part] of Object.entries(PARTS)) {
    it(`${section}: an HPA targets the Deployment, which renders no replicas, and the PDB leaves pods at min`, () => {
      const deployment = scaled[`${part}_deployment`] as IDeployment;
      const hpa = scaled[`${part}_hpa`] as IHorizontalPodAutoscaler;
      expect(hpa.spec).toEqual({
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata!.name },
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        ],
      });
      expect(hpa.metadata!.annotations).toEqual(deployment.metadata!.annotations);
      expect(deployment.spec).not.toHaveProperty('replicas');
      const pdb = scaled[`${part}_pdb`] as IPodDisruptionBudget;
      expect(pdb.spec!.maxUnavailable).toBe(1);
      expect(pdb.spec!.selector).toEqual(deployment.spec!.selector);
    });
  }

  it('changes nothing else: without it no HPA, and with it only the replicas of the scaled Deployments', () => {
    expect(Object.keys(plain).filter((key) => key.endsWith('_hpa'))).toEqual([]);
    expect(Object.keys(scaled).filter((key) => key.endsWith('_hpa'))).toEqual(
      Object.values(PARTS).map((part) => `${part}_hpa`),
    );
    for (const [key, object] of Object.entries(plain)) {
      if (!Object.values(PARTS).some((part) => key === `${part}_deployment`)) expect(scaled[key], key).toEqual(object);
      else {
        const { replicas: _, ...spec } = (object as IDeployment).spec!;
        expect(scaled[key], key).toEqual({ ...object, spec });
      }
    }
  });

  it('is not offered on the live-stores, block-builders or the backend scheduler', async () => {
    // @ts-expect-error: live-stores own Kafka partitions
    tempo({ liveStore: { autoscaling } });
    // @ts-expect-error: block-builders share the partitions evenly, so their count is fixed by them
    tempo({ blockBuilder: { autoscaling } });
    expect(await renderError([tempo({ kafka: { address: KAFKA }, liveStore: { autoscaling } } as never)])).toMatch(
      /^test › tempo › liveStore\.autoscaling: unknown field; known fields: /,
    );
  });

  it('rejects it in monolithic mode, where the sections are not rendered', async () => {
    expect(await renderError([tempo({ mode: 'monolithic', querier: { autoscaling } })])).toBe(
      'test › tempo › querier.autoscaling: querier runs only in microservices mode; the monolithic pod (a StatefulSet) does not autoscale',
    );
  });

  it('reports mistakes at the configuration path', async () => {
    expect(
      await renderError([tempo({ kafka: { address: KAFKA }, distributor: { autoscaling: { min: 0, max: 2 } } })]),
    ).toBe('test › tempo › distributor.autoscaling.min: expected a whole number of at least 1, got 0');
  });
});
