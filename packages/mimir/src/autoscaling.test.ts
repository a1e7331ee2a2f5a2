import type { IDeployment, IHorizontalPodAutoscaler, IPodDisruptionBudget, KubeObject } from '@platform/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mimir } from './index.js';
import { renderMimir, renderProblems } from './mimir.test-helpers.js';

const SCALED = { distributor: 'distributor', querier: 'querier', queryFrontend: 'query_frontend' } as const;
const autoscaling = { min: 3, max: 9, cpu: 70 };

let plain: Record<string, KubeObject>;
let scaled: Record<string, KubeObject>;
beforeAll(async () => {
  plain = await renderMimir();
  scaled = await renderMimir({
    distributor: { autoscaling },
    querier: { autoscaling },
    queryFrontend: { autoscaling },
  });
});

describe('autoscaling of the stateless Deployments', () => {
  for (const [section, part] of Object.entries(SCALED)) {
    it(`${section}: an HPA targets the Deployment, which renders no replicas, and the PDB leaves pods at min`, () => {
      const deployment = scaled[`${part}_deployment`] as IDeployment;
      const hpa = scaled[`${part}_hpa`] as IHorizontalPodAutoscaler;
      const pdb = scaled[`${part}_pdb`] as IPodDisruptionBudget;
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      expect(hpa.metadata!.namespace).toBe(deployment.metadata!.namespace);
      expect(hpa.spec).toEqual({
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata!.name },
        minReplicas: 3,
        maxReplicas: 9,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        ],
      });
      // The same first-sync wave as its target: Argo CD reports an HPA without a target Degraded.
      expect(hpa.metadata!.annotations).toEqual(deployment.metadata!.annotations);
      // Argo CD never resets the HPA's count: the field is left to it (core's k8s/autoscaling.ts).
      expect(deployment.spec).not.toHaveProperty('replicas');
      expect((plain[`${part}_deployment`] as IDeployment).spec!.replicas).toBe(2);
      expect(pdb.spec!.maxUnavailable).toBe(1);
      expect(pdb.spec!.selector).toEqual(deployment.spec!.selector);
    });
  }

  it('changes nothing else: without it no HPA, and with it only the replicas of the scaled Deployments', () => {
    expect(Object.keys(plain).filter((key) => key.endsWith('_hpa'))).toEqual([]);
    const hpas = Object.keys(scaled).filter((key) => key.endsWith('_hpa'));
    expect(hpas.sort()).toEqual(['distributor_hpa', 'querier_hpa', 'query_frontend_hpa']);
    for (const [key, object] of Object.entries(plain)) {
      const deployment = Object.values(SCALED).some((part) => key === `${part}_deployment`);
      if (!deployment) expect(scaled[key], key).toEqual(object);
      else {
        const { replicas: _, ...spec } = (object as IDeployment).spec!;
        expect(scaled[key], key).toEqual({ ...object, spec });
      }
    }
  });

  it('is not offered on the StatefulSets and is rejected there by the configuration shape too', async () => {
    // @ts-expect-error: ingesters own series and ring tokens; only the stateless Deployments autoscale
    mimir({ ingester: { autoscaling } });
    // @ts-expect-error: store-gateways own block shards
    mimir({ storeGateway: { autoscaling } });
    const problems = await renderProblems({ ingester: { autoscaling } } as never);
    expect(problems.map((p) => p.path)).toEqual(['ingester.autoscaling']);
    expect(problems[0]!.message).toMatch(/^unknown field; known fields: /);
  });

  it('reports mistakes at the configuration path', async () => {
    expect(await renderProblems({ queryFrontend: { autoscaling: { min: 4, max: 2 } } })).toEqual([
      {
        environment: 'test',
        component: 'mimir',
        path: 'queryFrontend.autoscaling.max',
        message: 'must be at least min (4), got 2',
      },
    ]);
    expect(
      (await renderProblems({ querier: { autoscaling: { min: 2, max: 4, minReplicas: 2 } as never } })).map(
        (p) => p.path,
      ),
    ).toEqual(['querier.autoscaling.minReplicas']);
  });
});
