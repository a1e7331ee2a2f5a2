import type { IHorizontalPodAutoscaler } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { databaseStatefulSet, findingsOf, render, web, webFinding } from '../test/fixtures.js';

const finding = (rule: string, object: string, path: string, message: string) =>
  webFinding(rule, path, message, { object });

const hpa: IHorizontalPodAutoscaler = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 4 },
};

describe('availability rules', () => {
  it('pass a replicated Deployment from the core helper (PDB, zone and node spread)', async () => {
    const rendered = await render([web({ replicas: 3 })]);
    expect(findingsOf(rendered, 'availability.pod-disruption-budget')).toEqual([]);
    expect(findingsOf(rendered, 'availability.topology-spread')).toEqual([]);
  });

  it('do not apply to a single-replica Deployment', async () => {
    const rendered = await render([web({ replicas: 1 })]);
    expect(findingsOf(rendered, 'availability.pod-disruption-budget')).toEqual([]);
    expect(findingsOf(rendered, 'availability.topology-spread')).toEqual([]);
  });

  it('availability.pod-disruption-budget: replicas > 1 without a PDB', async () => {
    const rendered = await render([web({ replicas: 3 }).override({ web_pdb: null })]);
    expect(findingsOf(rendered, 'availability.pod-disruption-budget')).toEqual([
      finding(
        'availability.pod-disruption-budget',
        'Deployment/web/web',
        'spec.template.metadata.labels',
        'Deployment "web" runs 3 replicas but no PodDisruptionBudget in namespace "web" selects its pods',
      ),
    ]);
  });

  it('availability.pod-disruption-budget: every StatefulSet, and Deployments scaled by an HPA', async () => {
    const rendered = await render([
      web({ replicas: 1 }).addObjects({ web_hpa: hpa, db_statefulset: databaseStatefulSet() }),
    ]);
    expect(findingsOf(rendered, 'availability.pod-disruption-budget')).toEqual([
      finding(
        'availability.pod-disruption-budget',
        'Deployment/web/web',
        'spec.template.metadata.labels',
        'Deployment "web" is scaled by HorizontalPodAutoscaler "web" (up to 4 replicas) but no PodDisruptionBudget in namespace "web" selects its pods',
      ),
      finding(
        'availability.pod-disruption-budget',
        'StatefulSet/web/db',
        'spec.template.metadata.labels',
        'StatefulSet "db" is a StatefulSet but no PodDisruptionBudget in namespace "web" selects its pods',
      ),
    ]);
    // One StatefulSet pod cannot be spread; the HPA-scaled Deployment can run 4 and is not spread (the helper spreads only replicas > 1).
    expect(findingsOf(rendered, 'availability.topology-spread')).toEqual([
      finding(
        'availability.topology-spread',
        'Deployment/web/web',
        'spec.template.spec.topologySpreadConstraints',
        'Deployment "web" is scaled by HorizontalPodAutoscaler "web" (up to 4 replicas) but does not spread its pods: no topologySpreadConstraint or podAntiAffinity term on topology.kubernetes.io/zone or kubernetes.io/hostname selects them',
      ),
    ]);
  });

  it('availability.topology-spread: constraints that select other pods do not count; anti-affinity does', async () => {
    const unspread = await render([
      web({ replicas: 2 }).override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                topologySpreadConstraints: [
                  {
                    maxSkew: 1,
                    topologyKey: 'kubernetes.io/hostname',
                    whenUnsatisfiable: 'ScheduleAnyway',
                    labelSelector: { matchLabels: { app: 'other' } },
                  },
                ],
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(unspread, 'availability.topology-spread').map((f) => f.message)).toEqual([
      'Deployment "web" runs 2 replicas but does not spread its pods: no topologySpreadConstraint or podAntiAffinity term on topology.kubernetes.io/zone or kubernetes.io/hostname selects them',
    ]);
    const antiAffinity = await render([
      web({ replicas: 2 }).override({
        web_deployment: {
          spec: {
            template: {
              spec: {
                topologySpreadConstraints: null,
                affinity: {
                  podAntiAffinity: {
                    requiredDuringSchedulingIgnoredDuringExecution: [
                      {
                        topologyKey: 'kubernetes.io/hostname',
                        labelSelector: {
                          matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['web'] }],
                        },
                      },
                    ],
                  },
                },
              },
            },
          },
        },
      }),
    ]);
    expect(findingsOf(antiAffinity, 'availability.topology-spread')).toEqual([]);
  });
});
